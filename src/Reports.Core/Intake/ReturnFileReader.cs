using System.Security.Cryptography;
using Reports.Diagnostics;
using Reports.Intake.Xlsx;
using Reports.Templates;

namespace Reports.Intake;

/// <summary>
/// Reads one county file: identify it by its meta names, find each field's cell by its defined name,
/// parse the values, check the rules. Never throws for bad data; every problem becomes a diagnostic.
/// </summary>
public sealed class ReturnFileReader(IntakeContext context)
{
    public IntakeFileResult Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var fileTime = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var diagnostics = new List<Diagnostic>();
        using var stream = new MemoryStream(bytes, writable: false);
        using var workbook = XlsxWorkbook.Open(stream, context.Limits, out var problem);
        if (workbook is null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return new IntakeFileResult(path, sha256, null, IntakeStatus.Rejected, diagnostics, null);
        }

        var identity = Identify(workbook, path, diagnostics);
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

        var submission = new CountySubmission(
            identity.Unit,
            path,
            sha256,
            fileTime,
            values.Where(v => v.Value.Number is not null).ToDictionary(v => v.Key, v => v.Value.Number!.Value, StringComparer.Ordinal),
            values.Where(v => v.Value.Text is not null).ToDictionary(v => v.Key, v => v.Value.Text!, StringComparer.Ordinal));
        var status = diagnostics.Any(d => d.IsError) ? IntakeStatus.Rejected : IntakeStatus.Accepted;
        return new IntakeFileResult(path, sha256, identity.Unit, status, diagnostics, submission);
    }

    private ReturnIdentity? Identify(XlsxWorkbook workbook, string path, List<Diagnostic> diagnostics)
    {
        var missing = MetaNames.All.Where(name => workbook.DefinedNames.GetValueOrDefault(name) is not { Sheet: not null, Cell: not null }).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.MetaMissing.At($"工作簿缺少报表标识名称 {string.Join("、", missing)}，无法识别是哪个单位的哪张报表", path));
            return null;
        }
        var metaCells = MetaNames.All.ToDictionary(name => name, name => workbook.DefinedNames[name]);
        var read = workbook.ReadCells(metaCells.Values.Select(n => (n.Sheet!, n.Cell!)), out var problem);
        if (problem is not null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return null;
        }
        string Value(string name)
        {
            var defined = metaCells[name];
            var raw = read[(defined.Sheet!, defined.Cell!)];
            var text = raw.Raw?.Trim() ?? "";
            return raw.Kind == XlsxCellKind.Number && ValueParser.TryParseStoredNumber(text, out var number)
                ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : text;
        }
        var identity = new ReturnIdentity(Value(MetaNames.Return), Value(MetaNames.Version), Value(MetaNames.Unit), Value(MetaNames.Period));
        Diagnostic At(DiagnosticCode code, string name, string message) =>
            code.At(message, path, metaCells[name].Sheet, metaCells[name].Cell, name);

        var definition = context.Definition;
        if (identity.Return != definition.Code)
        {
            diagnostics.Add(At(DiagnosticCatalog.WrongReturn, MetaNames.Return, $"这是报表“{identity.Return}”，本次汇总的是“{definition.Code}”({definition.Title})"));
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
        var prefix = new string(Path.GetFileName(path).TakeWhile(char.IsAsciiDigit).ToArray());
        if (prefix.Length == 6 && prefix != identity.Unit)
        {
            diagnostics.Add(At(DiagnosticCatalog.FileNameUnitMismatch, MetaNames.Unit, $"文件名中的单位代码为 {prefix}，表内单位代码为 {identity.Unit}"));
        }
        return identity;
    }

    private Dictionary<string, FieldCell> ReadFieldCells(XlsxWorkbook workbook, string path, List<Diagnostic> diagnostics)
    {
        var located = new List<(Definitions.FieldDefinition Field, string Sheet, string Cell)>();
        foreach (var field in context.Definition.Fields)
        {
            if (!workbook.DefinedNames.TryGetValue(field.Code, out var name))
            {
                diagnostics.Add(DiagnosticCatalog.FieldNameMissing.At($"找不到“{field.Label}”的名称 {field.Code}", path, field: field.Code));
            }
            else if (name.Sheet is null || name.Cell is null || !workbook.SheetNames.Contains(name.Sheet))
            {
                diagnostics.Add(DiagnosticCatalog.FieldNameNotACell.At($"名称 {field.Code}(“{field.Label}”)指向“{name.Reference}”，不是一个单元格", path, field: field.Code));
            }
            else
            {
                located.Add((field, name.Sheet, name.Cell));
            }
        }
        var read = workbook.ReadCells(located.Select(l => (l.Sheet, l.Cell)), out var problem);
        if (problem is not null)
        {
            diagnostics.Add(ProblemDiagnostic(problem, path));
            return [];
        }
        return located.ToDictionary(l => l.Field.Code, l => new FieldCell(l.Field, l.Sheet, l.Cell, read[(l.Sheet, l.Cell)]), StringComparer.Ordinal);
    }

    private static Diagnostic ProblemDiagnostic(XlsxProblem? problem, string path)
    {
        var kind = problem?.Kind ?? XlsxProblemKind.MalformedXml;
        var detail = problem?.Detail ?? "";
        return kind switch
        {
            XlsxProblemKind.NotAZip => DiagnosticCatalog.NotAWorkbook.At($"文件不是 .xlsx 工作簿({detail})", path),
            XlsxProblemKind.LegacyOrEncrypted => DiagnosticCatalog.LegacyOrEncrypted.At("文件是旧版 .xls 格式或设置了打开密码，无法读取", path),
            _ => DiagnosticCatalog.BrokenWorkbook.At($"工作簿无法读取：{detail}", path),
        };
    }
}
