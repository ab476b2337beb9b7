using System.Globalization;
using System.Security.Cryptography;
using Reports.Diagnostics;
using Reports.Intake.Xlsx;
using Reports.Templates;

namespace Reports.Intake;

/// <summary>
/// Reads one county file: identify it by its first bytes and its meta names, find each field's cell by its
/// defined name, parse the values, check the rules and the office's prefilled values. Never throws for bad
/// data or an unreadable file; every problem becomes a diagnostic. The file itself is only ever read.
/// </summary>
public sealed class ReturnFileReader(IntakeContext context)
{
    public IntakeFileResult Read(string path) => Read(InboxReader.Read(new InboxEntry(path, null), context.EffectiveLimits.MaxFileBytes));

    /// <summary>
    /// Reads a file as received: its problem if it could not be read, else its bytes parsed and checked (the result keeps
    /// none of them); <paramref name="sha256"/>: the bytes' hash when the caller has taken it already.
    /// </summary>
    public IntakeFileResult Read(ReceivedFile file, string? sha256 = null)
    {
        if (file.Problem is { } problem || file.Bytes is null)
        {
            return new IntakeFileResult(file.Path, "", null, IntakeStatus.Rejected,
                [file.Problem ?? DiagnosticCatalog.FileLocked.At("文件无法读取", file.Path)], null);
        }
        return Read(file.Path, file.Bytes, file.FileTime, file.Sender, file.ByDesk, sha256);
    }

    /// <summary>
    /// Reads a file's bytes as they were received; <paramref name="fileTime"/> stands in for a missing stamp;
    /// <paramref name="byDesk"/>: <paramref name="sender"/> uploaded it through the reception desk with its code.
    /// </summary>
    public IntakeFileResult Read(string path, byte[] bytes, DateTimeOffset fileTime, string? sender = null, bool byDesk = false, string? sha256 = null)
    {
        sha256 ??= Convert.ToHexStringLower(SHA256.HashData(bytes));
        var diagnostics = new List<Diagnostic>();
        using var stream = new MemoryStream(bytes, writable: false);
        using var workbook = XlsxWorkbook.Open(stream, context.Limits, out var problem);
        if (workbook is null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return new IntakeFileResult(path, sha256, null, IntakeStatus.Rejected, diagnostics, null);
        }
        if (workbook.HasMacros)
        {
            diagnostics.Add(DiagnosticCatalog.MacroEnabled.At("这是启用宏的工作簿，只读取了单元格中的数值，宏没有运行", path));
        }

        var identity = Identify(workbook, path, sender, byDesk, diagnostics);
        if (identity is null)
        {
            return new IntakeFileResult(path, sha256, null, IntakeStatus.Rejected, diagnostics, null);
        }

        var cells = ReadFieldCells(workbook, path, diagnostics);
        var values = new Dictionary<string, ParsedValue>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, cell) in cells)
        {
            var before = diagnostics.Count(d => d.IsError);
            values[code] = ValueParser.Parse(cell, path, diagnostics);
            if (diagnostics.Count(d => d.IsError) > before)
            {
                unreadable.Add(code);
            }
        }
        RuleChecker.Check(context.Definition, cells, values, unreadable, path, diagnostics);
        CheckPrefilled(identity.Unit, cells, values, unreadable, path, diagnostics);
        DeclaredChecks.Check(context, identity.Unit, cells, values, path, diagnostics);
        var details = new Dictionary<string, IReadOnlyList<DetailRow>>(StringComparer.Ordinal);
        foreach (var table in context.Definition.Details)
        {
            if (DetailTableReader.Read(workbook, table, path, diagnostics) is { } read)
            {
                DetailRuleChecker.Check(table, read.Rows, read.Sheet, cells, values, path, diagnostics);
                details[table.Code] = read.Rows;
            }
        }

        var submission = new CountySubmission(
            identity.Unit,
            path,
            sha256,
            fileTime,
            TrustedStamp(ReadStamp(workbook, path, diagnostics), workbook, path, diagnostics),
            values.Where(v => v.Value.Number is not null).ToDictionary(v => v.Key, v => v.Value.Number!.Value, StringComparer.Ordinal),
            values.Where(v => v.Value.Text is not null).ToDictionary(v => v.Key, v => v.Value.Text!, StringComparer.Ordinal))
        {
            Details = details,
            Cells = cells.ToDictionary(c => c.Key, c => new FieldReading(c.Value.Sheet, c.Value.Cell, Typed(c.Value.Raw)), StringComparer.Ordinal),
        };
        var status = diagnostics.Any(d => d.IsError) ? IntakeStatus.Rejected : IntakeStatus.Accepted;
        return new IntakeFileResult(path, sha256, identity.Unit, status, diagnostics, submission);
    }

    private ReturnIdentity? Identify(XlsxWorkbook workbook, string path, string? sender, bool byDesk, List<Diagnostic> diagnostics)
    {
        var missing = MetaNames.All.Where(name => workbook.DefinedNames.GetValueOrDefault(name) is not { Sheet: not null, Cell: not null }).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.MetaMissing.At($"工作簿缺少报表标识名称 {string.Join("、", missing)}，无法识别是哪个单位的哪张报表", path));
            return null;
        }
        var metaCells = MetaNames.All.ToDictionary(name => name, name => workbook.DefinedNames[name]);
        var identity = ReadIdentity(workbook, out var problem);
        if (identity is null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return null;
        }
        Diagnostic At(DiagnosticCode code, string name, string message) =>
            code.At(message, path, metaCells[name].Sheet, metaCells[name].Cell, name);

        var definition = context.Definition;
        if (identity.Return != definition.Code)
        {
            diagnostics.Add(At(DiagnosticCatalog.WrongReturn, MetaNames.Return, $"这是报表“{identity.Return}”，本次汇总的是“{definition.Code}”（{definition.Title}）"));
            return null;
        }
        if (identity.Version != definition.Version)
        {
            diagnostics.Add(At(DiagnosticCatalog.WrongVersion, MetaNames.Version, $"模板版本为“{identity.Version}”，本期使用的版本为“{definition.Version}”"));
        }
        if (context.Roster.Find(identity.Unit) is null)
        {
            diagnostics.Add(At(DiagnosticCatalog.UnknownUnit, MetaNames.Unit, $"单位代码“{identity.Unit}”不在{context.Roster.Name}的名册中"));
        }
        if (identity.Period != context.Period.ToString())
        {
            diagnostics.Add(At(DiagnosticCatalog.WrongPeriod, MetaNames.Period, $"报告期为“{identity.Period}”，本次汇总的报告期为“{context.Period}”"));
        }
        // Who sent it: a file named for one roster unit, or lying in one unit's inbox folder, cannot speak for another.
        var prefix = new string(Path.GetFileName(path).TakeWhile(char.IsAsciiDigit).ToArray());
        if (prefix.Length > 0 && prefix != identity.Unit && context.Roster.Find(prefix) is { } named)
        {
            diagnostics.Add(At(DiagnosticCatalog.SenderNameMismatch, MetaNames.Unit,
                $"文件名表明是 {prefix}（{named.Name}）报送的，表内单位却是 {identity.Unit}（{context.Roster.Find(identity.Unit)?.Name ?? "名册外"}），未采用"));
        }
        else if (prefix.Length == 6 && prefix != identity.Unit)
        {
            diagnostics.Add(At(DiagnosticCatalog.FileNameUnitMismatch, MetaNames.Unit, $"文件名中的单位代码为 {prefix}，表内单位代码为 {identity.Unit}"));
        }
        if (sender is not null && sender != identity.Unit && byDesk)
        {
            diagnostics.Add(At(DiagnosticCatalog.DeskUnitMismatch, MetaNames.Unit,
                $"用 {sender}（{context.Roster.Find(sender)?.Name ?? "名册外"}）的报送码上传，表内单位却是 {identity.Unit}（{context.Roster.Find(identity.Unit)?.Name ?? "名册外"}），未采用"));
        }
        else if (sender is not null && sender != identity.Unit)
        {
            diagnostics.Add(At(DiagnosticCatalog.SenderFolderMismatch, MetaNames.Unit,
                $"文件在 {sender}（{context.Roster.Find(sender)?.Name ?? "名册外"}）的收件文件夹中，表内单位却是 {identity.Unit}（{context.Roster.Find(identity.Unit)?.Name ?? "名册外"}），未采用"));
        }
        return identity;
    }

    /// <summary>
    /// What a file says it is (return, version, unit, period), without checking anything: lets
    /// <c>reports validate</c> check a county's file against its own return and period. Null when unreadable. The file
    /// is read as intake reads it (<see cref="InboxReader"/>): no link followed, no FIFO opened, the size capped.
    /// </summary>
    public static ReturnIdentity? Peek(string path) =>
        InboxReader.Read(new InboxEntry(path, null), XlsxLimits.Default.MaxFileBytes).Bytes is { } bytes ? Peek(bytes) : null;

    /// <summary>What the bytes of a file say it is; null when they are no readable return.</summary>
    public static ReturnIdentity? Peek(byte[] bytes)
    {
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes, writable: false), null, out _);
        return workbook is null || MetaNames.All.Any(name => workbook.DefinedNames.GetValueOrDefault(name) is not { IsSingleCell: true })
            ? null
            : ReadIdentity(workbook, out _);
    }

    /// <summary>Reads the meta cells of a workbook that has every meta name as a single cell.</summary>
    private static ReturnIdentity? ReadIdentity(XlsxWorkbook workbook, out XlsxProblem? problem)
    {
        var metaCells = MetaNames.All.ToDictionary(name => name, name => workbook.DefinedNames[name]);
        var read = workbook.ReadCells(metaCells.Values.Select(n => (n.Sheet!, n.Cell!)), out problem);
        if (problem is not null)
        {
            return null;
        }
        string Value(string name)
        {
            var defined = metaCells[name];
            var raw = read[(defined.Sheet!, defined.Cell!)];
            var text = raw.Raw?.Trim() ?? "";
            return raw.Kind == XlsxCellKind.Number && ValueParser.TryParseStoredNumber(text, out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : text;
        }
        return new ReturnIdentity(Value(MetaNames.Return), Value(MetaNames.Version), Value(MetaNames.Unit), Value(MetaNames.Period));
    }

    private Dictionary<string, FieldCell> ReadFieldCells(XlsxWorkbook workbook, string path, List<Diagnostic> diagnostics)
    {
        var located = new List<(Definitions.FieldDefinition Field, string Sheet, string Cell)>();
        var missing = new List<string>();
        foreach (var field in context.Definition.Fields)
        {
            if (!workbook.DefinedNames.TryGetValue(field.Code, out var name))
            {
                if (field.Code == Definitions.ReturnDefinition.VerifyNoteField)
                {
                    continue; // a file from a template before 情况说明: told only if a must-explain check needs it (RPT046)
                }
                missing.Add(field.Code);
                diagnostics.Add(DiagnosticCatalog.FieldNameMissing.At($"找不到{Quoted.Name(field.Label)}的名称 {field.Code}", path, field: field.Code));
            }
            else if (name.Sheet is null || name.Cell is null || !workbook.SheetNames.Contains(name.Sheet))
            {
                diagnostics.Add(DiagnosticCatalog.FieldNameNotACell.At($"名称 {field.Code}（{Quoted.Name(field.Label)}）指向“{name.Reference}”，不是本工作簿中的一个单元格", path, field: field.Code));
            }
            else
            {
                located.Add((field, name.Sheet, name.Cell));
            }
        }
        foreach (var (field, sheet, cell) in located.Where(l => workbook.VeryHiddenSheets.Contains(l.Sheet)))
        {
            diagnostics.Add(DiagnosticCatalog.NameInHiddenSheet.At(
                $"名称 {field.Code}（{Quoted.Name(field.Label)}）指向工作表 {sheet} 的单元格 {cell}，这张工作表设为深度隐藏（veryHidden），填报人看不到", path, sheet, cell, field.Code));
        }
        // Names moved onto one cell: every field but the first would silently read another's value.
        foreach (var shared in located.GroupBy(l => (l.Sheet, l.Cell)).Where(g => g.Count() > 1))
        {
            var fields = shared.Select(l => l.Field.Code).ToList();
            foreach (var l in shared)
            {
                diagnostics.Add(DiagnosticCatalog.FieldNamesShareCell.At($"名称 {string.Join("、", fields)} 都指向单元格 {l.Cell}", path, l.Sheet, l.Cell, l.Field.Code));
            }
            located.RemoveAll(l => fields.Contains(l.Field.Code));
        }
        var read = workbook.ReadCells(located.Select(l => (l.Sheet, l.Cell)), out var problem);
        if (problem is not null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return [];
        }
        return located.ToDictionary(l => l.Field.Code, l => new FieldCell(l.Field, l.Sheet, l.Cell, read[(l.Sheet, l.Cell)]), StringComparer.Ordinal);
    }

    /// <summary>Targets and last year's figures come from the office: a county may not change them.</summary>
    private void CheckPrefilled(string unit, Dictionary<string, FieldCell> cells, Dictionary<string, ParsedValue> values,
        HashSet<string> unreadable, string path, List<Diagnostic> diagnostics)
    {
        if (context.Prefilled?.GetValueOrDefault(unit) is not { } expected)
        {
            return;
        }
        foreach (var (code, sent) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!cells.TryGetValue(code, out var cell) || unreadable.Contains(code))
            {
                continue; // a missing name or unreadable value is already reported
            }
            var found = values.GetValueOrDefault(code).Number;
            if (found != sent)
            {
                var shown = found is { } f ? $"{Show(f)}{cell.Field.Unit}" : "空白";
                diagnostics.Add(DiagnosticCatalog.LockedValueChanged.At(
                    $"{Quoted.Name(cell.Field.Label)}市级下发的是 {Show(sent)}{cell.Field.Unit}，报回的是 {shown}", path, cell.Sheet, cell.Cell, code));
            }
        }
    }

    /// <summary>A stamp later than the run's clock cannot be true (and would win every later correction): not trusted.</summary>
    private DateTimeOffset? TrustedStamp(DateTimeOffset? stamp, XlsxWorkbook workbook, string path, List<Diagnostic> diagnostics)
    {
        if (stamp is not { } written || context.Now is not { } now || written.DateTime <= now.DateTime)
        {
            return stamp;
        }
        var name = workbook.DefinedNames[MetaNames.Submitted];
        diagnostics.Add(DiagnosticCatalog.SubmissionStampInFuture.At(
            $"“报送时间”为 {written.DateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}，晚于市级收到文件的时间 {now.DateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}，不予采信",
            path, name.Sheet, name.Cell, MetaNames.Submitted));
        return null;
    }

    /// <summary>The submission time the clerk wrote in meta_submitted; null (file time decides) when absent or unreadable.</summary>
    private static DateTimeOffset? ReadStamp(XlsxWorkbook workbook, string path, List<Diagnostic> diagnostics)
    {
        if (workbook.DefinedNames.GetValueOrDefault(MetaNames.Submitted) is not { Sheet: not null, Cell: not null } name)
        {
            return null;
        }
        var raw = workbook.ReadCell(name.Sheet, name.Cell, out var problem);
        if (problem is not null || raw is null || raw.Kind == XlsxCellKind.Empty)
        {
            return null;
        }
        var text = raw.Raw?.Trim() ?? "";
        if (raw.Kind == XlsxCellKind.Number && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            // An Excel date serial, a local time of the office's zone; recorded as written (UTC offset 0) so that
            // stamps compare among themselves.
            // A 1904 workbook counts from 1904-01-01: its serials are 1,462 days behind (read as 1900 they would put
            // the stamp four years early, and the stamp orders versions).
            return new DateTimeOffset(DateTime.FromOADate(serial + (workbook.Date1904 ? 1462 : 0)), TimeSpan.Zero);
        }
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日", "yyyy-MM-ddTHH:mm:ss"];
        if (raw.Kind == XlsxCellKind.Text
            && DateTime.TryParseExact(TypedNumber.ToHalfWidth(text).Replace('：', ':'), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var stamped))
        {
            return new DateTimeOffset(stamped, TimeSpan.Zero);
        }
        diagnostics.Add(DiagnosticCatalog.SubmissionStampInvalid.At($"“报送时间”的{Quoted.Name(text)}无法识别为日期时间，已按文件修改时间判断先后", path, name.Sheet, name.Cell, MetaNames.Submitted));
        return null;
    }

    /// <summary>What the clerk typed, as stored: the value, or a formula's text when it kept no value.</summary>
    private static string? Typed(XlsxCellValue raw) => raw.Kind switch
    {
        XlsxCellKind.Empty => null,
        XlsxCellKind.FormulaWithoutValue => "=" + raw.Formula,
        _ => raw.Raw,
    };

    private static string Show(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);

    private static Diagnostic ProblemDiagnostic(XlsxProblem? problem, string path)
    {
        var kind = problem?.Kind ?? XlsxProblemKind.MalformedXml;
        var detail = problem?.Detail ?? "";
        return kind switch
        {
            XlsxProblemKind.NotAZip => DiagnosticCatalog.NotAWorkbook.At($"文件内容是{detail}，不是 Excel 工作簿", path),
            XlsxProblemKind.Empty => DiagnosticCatalog.EmptyFile.At("文件是空的（0 字节）", path),
            XlsxProblemKind.LegacyXls => DiagnosticCatalog.LegacyXls.At("文件是旧版 .xls 格式，请另存为 .xlsx 后重新报送", path),
            XlsxProblemKind.Encrypted => DiagnosticCatalog.Encrypted.At("工作簿设置了打开密码，无法读取", path),
            XlsxProblemKind.CorruptZip => DiagnosticCatalog.CorruptZip.At($"文件不完整或已损坏（{detail}）", path),
            XlsxProblemKind.SuspiciousCompression => DiagnosticCatalog.ZipBomb.At($"文件解压后异常膨胀，已停止读取（{detail}）", path),
            XlsxProblemKind.TooLarge => DiagnosticCatalog.TooLarge.At($"文件或其中的部件超出大小限制（{detail}）", path),
            XlsxProblemKind.TooManyEntries or XlsxProblemKind.TooManySheets => DiagnosticCatalog.TooManySheets.At($"工作表或部件过多（{detail}）", path),
            XlsxProblemKind.TooManyRows => DiagnosticCatalog.TooManyRows.At($"工作表行数过多（{detail}）", path),
            XlsxProblemKind.XmlBeyondBounds => DiagnosticCatalog.XmlBeyondBounds.At($"工作簿内部 XML 超出界限，已停止读取（{detail}）", path),
            XlsxProblemKind.Ambiguous => DiagnosticCatalog.AmbiguousWorkbook.At($"工作簿内容有歧义，未采用（{detail}）", path),
            XlsxProblemKind.DtdProhibited => DiagnosticCatalog.DtdProhibited.At("工作簿的 XML 中含有 DTD 或外部实体声明，出于安全考虑未读取", path),
            _ => DiagnosticCatalog.MalformedWorkbook.At($"工作簿内部结构有误：{detail}", path),
        };
    }
}
