using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml;

namespace Reports.Intake.Xlsx;

/// <summary>
/// A minimal, hardened .xlsx reader: sheet names, defined names, and the values of requested cells (with whether
/// their format shows a date).
/// Built on System.IO.Compression + streaming XmlReader (no DOM, no DTDs, no external resolution).
/// Bad data never throws: <see cref="Open(Stream, XlsxLimits?, out XlsxProblem?)"/> and <see cref="ReadCells"/>
/// report an <see cref="XlsxProblem"/>; exceptions are left for I/O failures and bugs.
/// One instance serialises its own calls (a lock), so it is safe to share; different instances are independent.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    private static readonly IReadOnlyDictionary<(string Sheet, string Cell), XlsxCellValue> NoCells =
        new Dictionary<(string Sheet, string Cell), XlsxCellValue>();

    private readonly Lock _gate = new();
    private readonly XlsxPackage _package;
    private readonly string[] _sheetNames;
    private readonly string?[] _sheetParts;
    private readonly Dictionary<string, int> _sheetIndex;
    private readonly string? _sharedStringsPart;
    private readonly Dictionary<int, string> _sharedStringCache = [];
    private bool _allSharedStringsLoaded;
    private XmlReader? _stringsPass;
    private int _stringsPassIndex;
    private readonly string? _stylesPart;
    private XlsxStyles? _styles;
    private readonly Dictionary<string, XlsxDefinedName> _definedNames;
    private readonly List<XlsxDefinedName> _localDefinedNames;
    private bool _disposed;

    /// <summary>Sheet names in workbook order (the order localSheetId indexes).</summary>
    public IReadOnlyList<string> SheetNames => _sheetNames;

    /// <summary>Workbook-scoped names (no localSheetId), keyed case-insensitively. Built-ins keep their "_xlnm." prefix.</summary>
    public IReadOnlyDictionary<string, XlsxDefinedName> DefinedNames => _definedNames;

    /// <summary>Sheet-scoped names (with localSheetId), in file order.</summary>
    public IReadOnlyList<XlsxDefinedName> LocalDefinedNames => _localDefinedNames;

    /// <summary>Zip part name of the workbook (usually "xl/workbook.xml").</summary>
    public string WorkbookPart { get; }

    /// <summary>The workbook counts dates from 1904-01-01 (workbookPr date1904, Excel for Mac's old default): serial 0 is 1904-01-01, not 1899-12-30.</summary>
    public bool Date1904 { get; private init; }

    /// <summary>Sheets whose state is veryHidden: Excel offers no way to show them, so no clerk typed what they hold.</summary>
    public IReadOnlySet<string> VeryHiddenSheets { get; private init; } = new HashSet<string>();

    /// <summary>True for a macro-enabled workbook (.xlsm/.xltm content type or a VBA project part). Nothing is ever run.</summary>
    public bool HasMacros { get; }

    private XlsxWorkbook(XlsxPackage package, string workbookPart, string[] sheetNames, string?[] sheetParts,
        string? sharedStringsPart, string? stylesPart, Dictionary<string, XlsxDefinedName> definedNames, List<XlsxDefinedName> localDefinedNames, bool hasMacros)
    {
        _stylesPart = stylesPart;
        HasMacros = hasMacros;
        _package = package;
        WorkbookPart = workbookPart;
        _sheetNames = sheetNames;
        _sheetParts = sheetParts;
        _sharedStringsPart = sharedStringsPart;
        _definedNames = definedNames;
        _localDefinedNames = localDefinedNames;
        _sheetIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sheetNames.Length; i++)
        {
            _sheetIndex.TryAdd(sheetNames[i], i);
        }
    }

    // ---------------------------------------------------------------- opening

    /// <summary>
    /// Opens a workbook from a stream holding the whole file (read from position 0; non-seekable streams are
    /// copied to memory up to <see cref="XlsxLimits.MaxFileBytes"/>). The stream is NOT disposed by the workbook
    /// and must stay open until the workbook is disposed. Returns null and a problem for bad data.
    /// </summary>
    public static XlsxWorkbook? Open(Stream stream, XlsxLimits? limits, out XlsxProblem? problem)
        => OpenCore(stream, limits, ownsStream: false, out problem);

    /// <summary>Opens a workbook file; the workbook owns (and disposes) the file handle.</summary>
    public static XlsxWorkbook? Open(string path, XlsxLimits? limits, out XlsxProblem? problem)
    {
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return OpenCore(fs, limits, ownsStream: true, out problem);
    }

    public static bool TryOpen(Stream stream, XlsxLimits? limits,
        [NotNullWhen(true)] out XlsxWorkbook? workbook, [NotNullWhen(false)] out XlsxProblem? problem)
    {
        workbook = OpenCore(stream, limits, ownsStream: false, out var p);
        problem = workbook is null ? p ?? new XlsxProblem(XlsxProblemKind.MalformedXml, "原因不明的读取失败") : null;
        return workbook is not null;
    }

    private static XlsxWorkbook? OpenCore(Stream stream, XlsxLimits? limits, bool ownsStream, out XlsxProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XlsxPackage? package = null;
        var ok = false;
        try
        {
            package = XlsxPackage.Open(stream, limits ?? XlsxLimits.Default, ownsStream);
            var workbook = Load(package);
            ok = true;
            problem = null;
            return workbook;
        }
        catch (Exception ex) when (Translate(ex) is { } p)
        {
            problem = p;
            return null;
        }
        finally
        {
            if (!ok)
            {
                package?.Dispose();
            }
        }
    }

    private static XlsxProblem? Translate(Exception ex) => ex switch
    {
        XlsxProblemException pe => pe.Problem,
        XmlException xe => Translate(xe),
        InvalidDataException ie => new XlsxProblem(XlsxProblemKind.CorruptZip, $"ZIP 数据损坏（{ie.Message}）"),
        _ => null,
    };

    /// <summary>
    /// XmlReader refuses a DTD (DtdProcessing.Prohibit) with an XmlException; its message (not localised on
    /// .NET) names the DTD, which tells that case apart from plain malformed XML.
    /// </summary>
    private static XlsxProblem Translate(XmlException xe) =>
        xe.Message.Contains("DTD", StringComparison.Ordinal)
            ? new XlsxProblem(XlsxProblemKind.DtdProhibited, xe.Message)
            : xe.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal)
                ? new XlsxProblem(XlsxProblemKind.XmlBeyondBounds, "一个部件的字符数超过上限")
                : new XlsxProblem(XlsxProblemKind.MalformedXml, $"XML 格式错误（{xe.Message}）");

    private static bool MacroContentType(XlsxPackage package, string workbookPart)
    {
        const string types = "[Content_Types].xml";
        if (!package.Contains(types))
        {
            return false;
        }
        using var r = package.OpenXml(types);
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "Override"
                && string.Equals(r.GetAttribute("PartName")?.TrimStart('/'), workbookPart, StringComparison.OrdinalIgnoreCase))
            {
                return r.GetAttribute("ContentType")?.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) == true;
            }
        }
        return false;
    }

    private readonly record struct Relationship(string Id, string Type, string Target, bool External);

    private static XlsxWorkbook Load(XlsxPackage package)
    {
        // 1. The package relationships name the workbook part (usually xl/workbook.xml, but follow it).
        string? workbookPart = null;
        if (package.Contains("_rels/.rels"))
        {
            foreach (var rel in ReadRelationships(package, "_rels/.rels", sourcePart: ""))
            {
                if (!rel.External && rel.Type.EndsWith("/officeDocument", StringComparison.OrdinalIgnoreCase))
                {
                    workbookPart = rel.Target;
                    break;
                }
            }
        }
        if (workbookPart is null && package.Contains("xl/workbook.xml"))
        {
            workbookPart = "xl/workbook.xml";
        }
        if (workbookPart is null)
        {
            throw new XlsxProblemException(XlsxProblemKind.MissingPart, "没有工作簿部件（_rels/.rels 中没有 officeDocument 关系）");
        }
        if (!package.Contains(workbookPart))
        {
            throw new XlsxProblemException(XlsxProblemKind.MissingPart, $"缺少工作簿部件 {workbookPart}");
        }

        // 2. The workbook relationships name the sheet parts and the shared strings.
        var relsPart = RelationshipsPartFor(workbookPart);
        if (!package.Contains(relsPart))
        {
            throw new XlsxProblemException(XlsxProblemKind.MissingPart, $"缺少工作簿关系部件 {relsPart}");
        }
        var rels = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        string? sharedStrings = null;
        string? styles = null;
        foreach (var rel in ReadRelationships(package, relsPart, workbookPart))
        {
            rels.TryAdd(rel.Id, rel);
            if (sharedStrings is null && !rel.External && rel.Type.EndsWith("/sharedStrings", StringComparison.OrdinalIgnoreCase))
            {
                sharedStrings = rel.Target;
            }
            if (styles is null && !rel.External && rel.Type.EndsWith("/styles", StringComparison.OrdinalIgnoreCase))
            {
                styles = rel.Target;
            }
        }
        if (sharedStrings is not null && !package.Contains(sharedStrings))
        {
            sharedStrings = null;
        }
        if (styles is not null && !package.Contains(styles))
        {
            styles = null; // no styles part: no formats, nothing is a date
        }

        // 3. workbook.xml: sheets and defined names.
        var sheetNames = new List<string>();
        var sheetParts = new List<string?>();
        var rawNames = new List<(string Name, string Reference, int? LocalSheetId)>();
        var veryHidden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var date1904 = false;
        using (var r = package.OpenXml(workbookPart))
        {
            string? section = null;
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (r.Depth == 1)
                {
                    section = r.LocalName;
                    if (section == "workbookPr")
                    {
                        var system = r.GetAttribute("date1904");
                        date1904 = system is "1" or "true";
                    }
                    continue;
                }
                if (r.Depth != 2)
                {
                    continue;
                }
                if (section == "sheets" && r.LocalName == "sheet")
                {
                    var name = r.GetAttribute("name")
                        ?? throw new XlsxProblemException(XlsxProblemKind.MalformedXml, "工作簿中有一个 <sheet> 没有名称");
                    var id = XlsxXml.GetAttributeAnyNamespace(r, "id", requireNamespace: true);
                    var part = id is not null && rels.TryGetValue(id, out var rel) && !rel.External ? rel.Target : null;
                    sheetNames.Add(name);
                    sheetParts.Add(part);
                    if (string.Equals(r.GetAttribute("state"), "veryHidden", StringComparison.Ordinal))
                    {
                        veryHidden.Add(name);
                    }
                    if (sheetNames.Count > package.Limits.MaxSheets)
                    {
                        throw new XlsxProblemException(XlsxProblemKind.TooManySheets, $"工作簿列出的工作表超过 {package.Limits.MaxSheets} 个");
                    }
                }
                else if (section == "definedNames" && r.LocalName == "definedName")
                {
                    var name = r.GetAttribute("name");
                    var local = r.GetAttribute("localSheetId");
                    var text = XlsxXml.ReadText(r);
                    if (string.IsNullOrEmpty(name))
                    {
                        continue;
                    }
                    int? localId = local is not null && int.TryParse(local, NumberStyles.None, CultureInfo.InvariantCulture, out var li) ? li : null;
                    rawNames.Add((name, text, localId));
                }
            }
        }

        var sheetIndex = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in sheetNames)
        {
            sheetIndex.TryAdd(s, s);
        }
        var global = new Dictionary<string, XlsxDefinedName>(StringComparer.OrdinalIgnoreCase);
        var locals = new List<XlsxDefinedName>();
        foreach (var (name, reference, localId) in rawNames)
        {
            string? sheet = null, cell = null;
            if (XlsxReference.TryParseSingleCell(reference, out var s, out var c))
            {
                sheet = sheetIndex.TryGetValue(s, out var canonical) ? canonical : s;
                cell = c;
            }
            var dn = new XlsxDefinedName(name, reference, localId, sheet, cell);
            if (localId is null ? !global.TryAdd(name, dn) : locals.Any(l => l.LocalSheetId == localId && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                // Excel keeps one name per scope whatever its case: two are a file no spreadsheet wrote, read differently by each reader.
                var first = localId is null ? global[name].Name : locals.First(l => l.LocalSheetId == localId && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)).Name;
                throw new XlsxProblemException(XlsxProblemKind.Ambiguous, first == name
                    ? $"名称 {name} 定义了两次"
                    : $"名称 {first} 与 {name} 只差大小写，是同一个名称定义了两次");
            }
            if (localId is not null)
            {
                locals.Add(dn);
            }
        }

        var hasMacros = package.HasVbaProject || MacroContentType(package, workbookPart);
        return new XlsxWorkbook(package, workbookPart, [.. sheetNames], [.. sheetParts], sharedStrings, styles, global, locals, hasMacros)
        {
            Date1904 = date1904,
            VeryHiddenSheets = veryHidden,
        };
    }

    private static List<Relationship> ReadRelationships(XlsxPackage package, string relsPart, string sourcePart)
    {
        var list = new List<Relationship>();
        using var r = package.OpenXml(relsPart);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship")
            {
                continue;
            }
            var id = r.GetAttribute("Id");
            var type = r.GetAttribute("Type");
            var target = r.GetAttribute("Target");
            if (id is null || type is null || target is null)
            {
                continue;
            }
            var external = string.Equals(r.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            list.Add(new Relationship(id, type, external ? target : ResolveTarget(sourcePart, target), external));
        }
        return list;
    }

    /// <summary>"xl/workbook.xml" → "xl/_rels/workbook.xml.rels".</summary>
    internal static string RelationshipsPartFor(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? "_rels/" + part + ".rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
    }

    /// <summary>Resolves a relationship target against its source part: relative ("worksheets/sheet1.xml",
    /// "../x.xml") or absolute ("/xl/worksheets/sheet1.xml"), percent-escapes decoded.</summary>
    internal static string ResolveTarget(string sourcePart, string target)
    {
        var t = Uri.UnescapeDataString(target).Replace('\\', '/');
        var hash = t.IndexOf('#');
        if (hash >= 0)
        {
            t = t[..hash];
        }
        string combined;
        if (t.StartsWith('/'))
        {
            combined = t;
        }
        else
        {
            var slash = sourcePart.LastIndexOf('/');
            combined = (slash < 0 ? "" : sourcePart[..(slash + 1)]) + t;
        }
        var segments = new List<string>();
        foreach (var seg in combined.Split('/'))
        {
            if (seg.Length == 0 || seg == ".")
            {
                continue;
            }
            if (seg == "..") { if (segments.Count > 0) { segments.RemoveAt(segments.Count - 1); } continue; }
            segments.Add(seg);
        }
        return string.Join('/', segments);
    }

    // ---------------------------------------------------------------- names

    /// <summary>Finds a name as Excel would from a given sheet: that sheet's local name first, then the workbook-level one.</summary>
    public XlsxDefinedName? FindName(string name, string? scopeSheet = null)
    {
        if (scopeSheet is not null && _sheetIndex.TryGetValue(scopeSheet, out var si))
        {
            foreach (var n in _localDefinedNames)
            {
                if (n.LocalSheetId == si && string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return n;
                }
            }
        }
        return _definedNames.GetValueOrDefault(name);
    }

    // ---------------------------------------------------------------- cells

    private sealed class Slot
    {
        public readonly List<(string Sheet, string Cell)> Requests = new(1);
        public bool Found;
    }

    private sealed class RequestComparer : IEqualityComparer<(string Sheet, string Cell)>
    {
        public static readonly RequestComparer Instance = new();

        public bool Equals((string Sheet, string Cell) x, (string Sheet, string Cell) y)
            => string.Equals(x.Sheet, y.Sheet, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Cell, y.Cell, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Sheet, string Cell) obj)
            => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Sheet), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Cell));
    }

    private static long Key(int row, int col) => ((long)row << 15) | (uint)col;

    /// <summary>
    /// Reads the requested cells: one streaming pass over each sheet asked for (stopping once every requested cell
    /// of that sheet was seen), then, only if needed, one pass over the shared strings for the indices used, and
    /// (once per workbook) one over the styles' number formats for the styled numbers found.
    /// Cells absent from the file come back <see cref="XlsxCellKind.Empty"/>. Keys are the requests as given
    /// (compared case-insensitively). Sheet names match case-insensitively; cells may be "C5" or "$C$5".
    /// An unknown sheet or a malformed reference gives a problem and an empty result.
    /// </summary>
    public IReadOnlyDictionary<(string Sheet, string Cell), XlsxCellValue> ReadCells(IEnumerable<(string Sheet, string Cell)> cells, out XlsxProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(cells);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new Dictionary<(string Sheet, string Cell), XlsxCellValue>(RequestComparer.Instance);
            var bySheet = new SortedDictionary<int, Dictionary<long, Slot>>();
            foreach (var request in cells)
            {
                if (request.Sheet is null || request.Cell is null)
                {
                    problem = new XlsxProblem(XlsxProblemKind.BadCellReference, "请求中的工作表或单元格为空");
                    return NoCells;
                }
                if (result.ContainsKey(request))
                {
                    continue;
                }
                if (!_sheetIndex.TryGetValue(request.Sheet, out var si))
                {
                    problem = new XlsxProblem(XlsxProblemKind.UnknownSheet, $"工作簿中没有工作表 {request.Sheet}");
                    return NoCells;
                }
                if (!XlsxCellRef.TryParse(request.Cell.AsSpan().Trim(), out var row, out var col))
                {
                    problem = new XlsxProblem(XlsxProblemKind.BadCellReference, $"“{request.Cell}”不是单个单元格的引用");
                    return NoCells;
                }
                if (!bySheet.TryGetValue(si, out var wanted))
                {
                    bySheet[si] = wanted = [];
                }
                var key = Key(row, col);
                if (!wanted.TryGetValue(key, out var slot))
                {
                    wanted[key] = slot = new Slot();
                }
                slot.Requests.Add(request);
                result[request] = XlsxCellValue.Empty;
            }

            try
            {
                var pendingShared = new List<(Slot Slot, int Index, string? Formula)>();
                var pendingStyles = new List<(Slot Slot, int Style)>();
                foreach (var (si, wanted) in bySheet)
                {
                    ReadSheet(si, wanted, result, pendingShared, pendingStyles);
                }
                if (pendingShared.Count > 0)
                {
                    ResolveSharedStrings(pendingShared, result);
                }
                if (pendingStyles.Count > 0)
                {
                    ResolveDates(pendingStyles, result);
                }
                problem = null;
                return result;
            }
            catch (Exception ex) when (Translate(ex) is { } p)
            {
                problem = p;
                return NoCells;
            }
        }
    }

    /// <summary>Reads one cell (e.g. from a defined name). Convenience over <see cref="ReadCells"/>.</summary>
    public XlsxCellValue? ReadCell(string sheet, string cell, out XlsxProblem? problem)
    {
        var map = ReadCells([(sheet, cell)], out problem);
        return problem is null ? map[(sheet, cell)] : null;
    }

    /// <summary>
    /// Streams the rows of a sheet from <paramref name="firstRow"/> on, in file order, each as the cells of columns
    /// <paramref name="firstColumn"/>..<paramref name="lastColumn"/> (absent cells Empty); rows with no cell in that
    /// range are not reported. Shared strings and styles are loaded once beforehand. For detail tables (台账) of any length.
    /// </summary>
    public void ReadRows(string sheet, int firstRow, int firstColumn, int lastColumn, Action<int, XlsxCellValue[]> onRow, out XlsxProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_sheetIndex.TryGetValue(sheet, out var si))
            {
                problem = new XlsxProblem(XlsxProblemKind.UnknownSheet, $"工作簿中没有工作表 {sheet}");
                return;
            }
            try
            {
                LoadAllSharedStrings();
                var styles = Styles();
                StreamRows(si, firstRow, firstColumn, lastColumn, styles, onRow);
                problem = null;
            }
            catch (Exception ex) when (Translate(ex) is { } p)
            {
                problem = p;
            }
        }
    }

    private void LoadAllSharedStrings()
    {
        if (_sharedStringsPart is null || _allSharedStringsLoaded)
        {
            return;
        }
        using var r = _package.OpenXml(_sharedStringsPart);
        var index = -1;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.Depth != 1 || r.LocalName != "si")
            {
                continue;
            }
            index++;
            _sharedStringCache[index] = XlsxXml.ReadRichText(r);
        }
        _allSharedStringsLoaded = true;
    }

    /// <summary>The workbook's date formats, read on first need and kept: parts are only read one at a time.</summary>
    private XlsxStyles Styles() => _styles ??= XlsxStyles.Read(_package, _stylesPart);

    private void StreamRows(int sheetIndex, int firstRow, int firstColumn, int lastColumn, XlsxStyles styles, Action<int, XlsxCellValue[]> onRow)
    {
        XlsxCellValue[]? current = null;
        var currentRow = 0;
        foreach (var (row, col, r) in Cells(sheetIndex))
        {
            if (row < firstRow || col < firstColumn || col > lastColumn)
            {
                continue;
            }
            var value = ReadCellElement(r, out var sharedIndex, out var style);
            if (value.Kind == XlsxCellKind.Number && styles.IsDate(style))
            {
                value = value with { IsDate = true };
            }
            if (sharedIndex >= 0)
            {
                if (!_sharedStringCache.TryGetValue(sharedIndex, out var text))
                {
                    throw new XlsxProblemException(XlsxProblemKind.MalformedXml, $"共享字符串序号 {sharedIndex} 超出范围");
                }
                value = new XlsxCellValue(XlsxCellKind.Text, text, value.Formula);
            }
            if (current is null || currentRow != row)
            {
                if (current is not null)
                {
                    onRow(currentRow, current);
                }
                current = new XlsxCellValue[lastColumn - firstColumn + 1];
                Array.Fill(current, XlsxCellValue.Empty);
                currentRow = row;
            }
            current[col - firstColumn] = value;
        }
        if (current is not null)
        {
            onRow(currentRow, current);
        }
    }

    /// <summary>
    /// One pass over a sheet, left where it stopped, and the named cells it passed (every cell a defined name points
    /// at: those are what a reader asks for): a later request for named cells reads on from there instead of
    /// inflating the sheet again. A return's meta cells, then its fields, then its stamp: one pass serves all three.
    /// </summary>
    private sealed class SheetCursor(HashSet<long> named)
    {
        public readonly HashSet<long> Named = named;
        public readonly Dictionary<long, Passed> Seen = [];
        public IEnumerator<(int Row, int Column, XmlReader Reader)>? Pass;
        public bool Started;
        public bool Ended;
        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure;
    }

    /// <summary>A cell as the pass read it; <see cref="Problem"/>: why it cannot be read, told only if it is asked for.</summary>
    private readonly record struct Passed(XlsxCellValue Value, int SharedIndex, int Style, XlsxProblemException? Problem);

    private SheetCursor?[]? _cursors;

    private SheetCursor CursorOf(int sheetIndex)
    {
        _cursors ??= new SheetCursor?[_sheetNames.Length];
        if (_cursors[sheetIndex] is { } cursor)
        {
            return cursor;
        }
        var named = new HashSet<long>();
        foreach (var name in _definedNames.Values.Concat(_localDefinedNames))
        {
            if (name.Sheet is not null && name.Cell is not null && _sheetIndex.TryGetValue(name.Sheet, out var si) && si == sheetIndex
                && XlsxCellRef.TryParse(name.Cell.AsSpan().Trim(), out var row, out var col))
            {
                named.Add(Key(row, col));
            }
        }
        return _cursors[sheetIndex] = new SheetCursor(named);
    }

    private void ReadSheet(int sheetIndex, Dictionary<long, Slot> wanted, Dictionary<(string Sheet, string Cell), XlsxCellValue> result,
        List<(Slot Slot, int Index, string? Formula)> pendingShared, List<(Slot Slot, int Style)> pendingStyles)
    {
        var remaining = wanted.Count;
        void Take(Slot slot, Passed cell)
        {
            if (cell.Problem is { } problem)
            {
                throw problem;
            }
            var (value, sharedIndex, style, _) = cell;
            slot.Found = true;
            // A styled number may show a date; the styles are read after the sheet, once, and only if one turns up.
            if (value.Kind == XlsxCellKind.Number && style >= 0)
            {
                pendingStyles.Add((slot, style));
            }
            if (sharedIndex >= 0)
            {
                pendingShared.Add((slot, sharedIndex, value.Formula));
            }
            else
            {
                foreach (var req in slot.Requests)
                {
                    result[req] = value;
                }
            }
            remaining--;
        }

        var cursor = CursorOf(sheetIndex);
        cursor.Failure?.Throw(); // a sheet that cannot be read through is not read: what lies past the break is unknown
        foreach (var (key, slot) in wanted)
        {
            if (cursor.Seen.TryGetValue(key, out var seen))
            {
                Take(slot, seen);
            }
        }
        if (remaining == 0)
        {
            return;
        }
        if (cursor.Started && wanted.Any(w => !w.Value.Found && !cursor.Named.Contains(w.Key)))
        {
            // A cell no name points at, which the pass may have gone by without keeping: stream from the start.
            foreach (var (row, col, r) in Cells(sheetIndex))
            {
                if (wanted.TryGetValue(Key(row, col), out var slot) && !slot.Found)
                {
                    Take(slot, Pass(r));
                    if (remaining == 0)
                    {
                        return; // stop inflating: everything asked for was seen
                    }
                }
            }
            return;
        }
        if (cursor.Ended)
        {
            return; // the whole sheet was read: the named cells not in it are empty
        }
        cursor.Started = true;
        while (true)
        {
            long key;
            Passed cell;
            Slot? slot;
            try
            {
                cursor.Pass ??= Cells(sheetIndex).GetEnumerator();
                // The pass reads on to the end of the cells even once everything asked for was seen: a cell given
                // again further down would otherwise go unnoticed (what is not named is passed over unread).
                if (!cursor.Pass.MoveNext())
                {
                    cursor.Ended = true;
                    cursor.Pass.Dispose();
                    cursor.Pass = null;
                    return;
                }
                var (row, col, r) = cursor.Pass.Current;
                key = Key(row, col);
                var asked = wanted.TryGetValue(key, out slot) && !slot.Found;
                if (!asked && !cursor.Named.Contains(key))
                {
                    continue; // only what is asked for or may be asked for is read
                }
                cell = Pass(r);
            }
            catch (Exception ex)
            {
                cursor.Failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                cursor.Pass?.Dispose();
                cursor.Pass = null;
                throw;
            }
            if (cursor.Named.Contains(key))
            {
                cursor.Seen.TryAdd(key, cell);
            }
            if (slot is { Found: false })
            {
                Take(slot, cell);
            }
        }
    }

    /// <summary>Reads the cell the pass is on; a cell that cannot be read keeps its problem, told only if it is asked for.</summary>
    private static Passed Pass(XmlReader r)
    {
        try
        {
            var value = ReadCellElement(r, out var sharedIndex, out var style);
            return new Passed(value, sharedIndex, style, null);
        }
        catch (XlsxProblemException problem)
        {
            return new Passed(XlsxCellValue.Empty, -1, -1, problem);
        }
    }

    /// <summary>
    /// Walks a sheet's cells in file order, the reader positioned on each &lt;c&gt; element with its row and column
    /// (explicit or implied), enforcing the row limit; ends with sheetData. Stopping early stops inflating.
    /// </summary>
    private IEnumerable<(int Row, int Column, XmlReader Reader)> Cells(int sheetIndex)
    {
        var part = _sheetParts[sheetIndex]
            ?? throw new XlsxProblemException(XlsxProblemKind.MissingPart, $"工作表 {_sheetNames[sheetIndex]} 在工作簿关系中没有对应部件");
        if (!_package.Contains(part))
        {
            throw new XlsxProblemException(XlsxProblemKind.MissingPart, $"缺少工作表部件 {part}");
        }

        using var r = _package.OpenXml(part);
        var dataDepth = -1;
        int row = 0, col = 0, rows = 0;
        long last = -1; // the key of the cell before: cells come in order, so a cell given twice is never passed over
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                if (dataDepth < 0)
                {
                    if (r.LocalName == "sheetData")
                    {
                        if (r.IsEmptyElement)
                        {
                            yield break;
                        }
                        dataDepth = r.Depth;
                    }
                    continue;
                }
                var d = r.Depth - dataDepth;
                if (d == 1 && r.LocalName == "row")
                {
                    var ra = r.GetAttribute("r");
                    row = ra is not null && int.TryParse(ra, NumberStyles.None, CultureInfo.InvariantCulture, out var rn) ? rn : row + 1;
                    col = 0;
                    // What costs is the number of rows, not how far down one stray cell lies.
                    if (++rows > _package.Limits.MaxRows)
                    {
                        throw new XlsxProblemException(XlsxProblemKind.TooManyRows, $"工作表 {_sheetNames[sheetIndex]} 有 {rows} 行以上，上限 {_package.Limits.MaxRows} 行");
                    }
                    if (row is < 1 or > XlsxCellRef.MaxRow)
                    {
                        throw new XlsxProblemException(XlsxProblemKind.Ambiguous, $"工作表 {_sheetNames[sheetIndex]} 有第 {row} 行，超出 Excel 的 {XlsxCellRef.MaxRow} 行");
                    }
                }
                else if (d == 2 && r.LocalName == "c")
                {
                    var ca = r.GetAttribute("r");
                    if (ca is not null && XlsxCellRef.TryParse(ca, out var cr, out var cc)) { row = cr; col = cc; }
                    else if (++col > XlsxCellRef.MaxColumn)
                    {
                        // An implied column past XFD would alias an earlier cell: no spreadsheet shows it.
                        throw new XlsxProblemException(XlsxProblemKind.Ambiguous, $"工作表 {_sheetNames[sheetIndex]} 第 {row} 行的单元格超出第 {XlsxCellRef.MaxColumn} 列（XFD）");
                    }
                    var key = Key(row, col);
                    if (key <= last)
                    {
                        throw new XlsxProblemException(XlsxProblemKind.Ambiguous, key == last
                            ? $"工作表 {_sheetNames[sheetIndex]} 的单元格 {XlsxCellRef.Format(row, col)} 写了两次"
                            : $"工作表 {_sheetNames[sheetIndex]} 的单元格 {XlsxCellRef.Format(row, col)} 排在其后的单元格之后（顺序错乱，可能重复）");
                    }
                    last = key;
                    yield return (row, col, r);
                }
            }
            else if (r.NodeType == XmlNodeType.EndElement && dataDepth >= 0 && r.Depth == dataDepth)
            {
                yield break; // end of sheetData
            }
        }
    }

    /// <summary>
    /// Reads a &lt;c&gt; element; for t="s" returns the shared-string index (value resolved later), else -1; and its
    /// style index (s), or -1 when it has none (the default format, General).
    /// </summary>
    private static XlsxCellValue ReadCellElement(XmlReader r, out int sharedIndex, out int style)
    {
        sharedIndex = -1;
        var type = r.GetAttribute("t");
        style = int.TryParse(r.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        string? v = null, f = null, inline = null;
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.Depth == depth + 1)
                {
                    switch (r.LocalName)
                    {
                        case "v": v = XlsxXml.ReadText(r); break;
                        case "f": f = XlsxXml.ReadText(r); break;
                        case "is": inline = XlsxXml.ReadRichText(r); break;
                        default: XlsxXml.SkipToEnd(r); break;
                    }
                }
                else if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
                {
                    break;
                }
            }
        }

        XlsxCellValue NoValue() => f is not null ? new XlsxCellValue(XlsxCellKind.FormulaWithoutValue, null, f) : XlsxCellValue.Empty;
        var vt = v?.Trim();

        switch (type)
        {
            case "s":
                if (string.IsNullOrEmpty(vt))
                {
                    return NoValue();
                }
                if (!int.TryParse(vt, NumberStyles.None, CultureInfo.InvariantCulture, out sharedIndex))
                {
                    throw new XlsxProblemException(XlsxProblemKind.MalformedXml, $"共享字符串序号“{vt}”无效");
                }
                return new XlsxCellValue(XlsxCellKind.Text, null, f);
            case "inlineStr":
                if (inline is not null)
                {
                    return new XlsxCellValue(XlsxCellKind.Text, inline, f);
                }
                return v is not null ? new XlsxCellValue(XlsxCellKind.Text, XlsxXml.DecodeEscapes(v), f) : NoValue();
            case "str":
                return v is not null ? new XlsxCellValue(XlsxCellKind.Text, XlsxXml.DecodeEscapes(v), f) : NoValue();
            case "b":
                if (string.IsNullOrEmpty(vt))
                {
                    return NoValue();
                }
                var b = vt == "1" || vt.Equals("true", StringComparison.OrdinalIgnoreCase) ? "TRUE"
                    : vt == "0" || vt.Equals("false", StringComparison.OrdinalIgnoreCase) ? "FALSE"
                    : vt;
                return new XlsxCellValue(XlsxCellKind.Boolean, b, f);
            case "e":
                return string.IsNullOrEmpty(vt) ? NoValue() : new XlsxCellValue(XlsxCellKind.Error, vt, f);
            case "d":
                return string.IsNullOrEmpty(vt) ? NoValue() : new XlsxCellValue(XlsxCellKind.Text, vt, f) { IsDate = true };
            default: // "n", absent, or unknown
                return string.IsNullOrEmpty(vt) ? NoValue() : new XlsxCellValue(XlsxCellKind.Number, vt, f);
        }
    }

    private void ResolveSharedStrings(List<(Slot Slot, int Index, string? Formula)> pending,
        Dictionary<(string Sheet, string Cell), XlsxCellValue> result)
    {
        var needed = new HashSet<int>();
        foreach (var p in pending)
        {
            if (!_sharedStringCache.ContainsKey(p.Index))
            {
                needed.Add(p.Index);
            }
        }

        if (needed.Count > 0)
        {
            if (_sharedStringsPart is null)
            {
                throw new XlsxProblemException(XlsxProblemKind.MissingPart, "单元格引用了共享字符串，但工作簿没有 sharedStrings 部件");
            }
            // The pass over the shared strings is kept where it stopped: strings asked for later (a return's fields
            // after its meta cells) lie further on. One asked for behind it, and skipped, needs a fresh pass.
            if (_stringsPass is not null && needed.Min() <= _stringsPassIndex)
            {
                _stringsPass.Dispose();
                _stringsPass = null;
            }
            if (_stringsPass is null)
            {
                _stringsPass = _package.OpenXml(_sharedStringsPart);
                _stringsPassIndex = -1;
            }
            var r = _stringsPass;
            var remaining = needed.Count;
            try
            {
                while (remaining > 0 && r.Read())
                {
                    if (r.NodeType != XmlNodeType.Element || r.Depth != 1 || r.LocalName != "si")
                    {
                        continue;
                    }
                    var index = ++_stringsPassIndex;
                    if (needed.Contains(index))
                    {
                        _sharedStringCache[index] = XlsxXml.ReadRichText(r);
                        remaining--;
                    }
                    else
                    {
                        XlsxXml.SkipToEnd(r);
                    }
                }
            }
            catch
            {
                // A broken part is read afresh next time, and breaks at the same place.
                _stringsPass.Dispose();
                _stringsPass = null;
                throw;
            }
        }

        foreach (var (slot, index, formula) in pending)
        {
            if (!_sharedStringCache.TryGetValue(index, out var text))
            {
                throw new XlsxProblemException(XlsxProblemKind.MalformedXml, $"共享字符串序号 {index} 超出范围");
            }
            var value = new XlsxCellValue(XlsxCellKind.Text, text, formula);
            foreach (var req in slot.Requests)
            {
                result[req] = value;
            }
        }
    }

    private void ResolveDates(List<(Slot Slot, int Style)> pending, Dictionary<(string Sheet, string Cell), XlsxCellValue> result)
    {
        var styles = Styles();
        foreach (var (slot, style) in pending)
        {
            if (!styles.IsDate(style))
            {
                continue;
            }
            foreach (var req in slot.Requests)
            {
                result[req] = result[req] with { IsDate = true };
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var cursor in _cursors ?? [])
            {
                cursor?.Pass?.Dispose();
            }
            _stringsPass?.Dispose();
            _package.Dispose();
        }
    }
}
