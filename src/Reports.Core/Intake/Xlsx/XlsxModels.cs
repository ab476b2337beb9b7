namespace Reports.Intake.Xlsx;

/// <summary>
/// Safety limits applied while opening and reading an .xlsx package (zip-bomb defence).
/// </summary>
/// <param name="MaxEntries">Most zip entries the package may hold.</param>
/// <param name="MaxEntryBytes">Most bytes any one entry may declare or actually inflate to.</param>
/// <param name="MaxTotalBytes">Most bytes all entries together may declare.</param>
/// <param name="MaxCompressionRatio">Highest uncompressed/compressed ratio tolerated for an entry of at least <see cref="RatioCheckMinBytes"/>.</param>
/// <param name="MaxFileBytes">Largest file accepted.</param>
/// <param name="MaxSheets">Most sheets the workbook may list (a return has one or two).</param>
/// <param name="MaxRows">Highest row number a sheet read may declare or reach (a return has tens of rows).</param>
/// <param name="MaxDepth">Deepest element nesting a part may have (a sheet's cells are six deep; Excel writes at most a dozen).</param>
/// <param name="MaxMarkupBytes">Longest run of bytes a part may hold in one tag (its attributes) or between two tags
/// (one text value: a cell holds at most 32,767 characters): what an XmlReader keeps in memory at once.</param>
public sealed record XlsxLimits(
    int MaxEntries = 1000,
    long MaxEntryBytes = 64L << 20,
    long MaxTotalBytes = 256L << 20,
    double MaxCompressionRatio = 200,
    long MaxFileBytes = 64L << 20,
    int MaxSheets = 255,
    int MaxRows = 100_000,
    int MaxDepth = 64,
    int MaxMarkupBytes = 1 << 20)
{
    /// <summary>Entries smaller than this (uncompressed) are not ratio-checked: tiny parts compress absurdly well.</summary>
    public long RatioCheckMinBytes { get; init; } = 1L << 20;

    public static XlsxLimits Default { get; } = new();
}

public enum XlsxProblemKind
{
    /// <summary>The file is not a zip (nor OLE2); the detail names what its first bytes say it is.</summary>
    NotAZip,
    /// <summary>The file has no bytes at all.</summary>
    Empty,
    /// <summary>OLE2 compound file (D0 CF 11 E0) without an encrypted package: a legacy .xls.</summary>
    LegacyXls,
    /// <summary>OLE2 compound file holding an EncryptedPackage stream: a password-protected .xlsx.</summary>
    Encrypted,
    /// <summary>Starts like a zip but its directory or data is truncated or corrupt.</summary>
    CorruptZip,
    TooLarge,
    TooManyEntries,
    SuspiciousCompression,
    MissingPart,
    MalformedXml,
    /// <summary>An XML part carries a DTD (entity expansion, external entities): refused, never parsed.</summary>
    DtdProhibited,
    /// <summary>The workbook lists more sheets than <see cref="XlsxLimits.MaxSheets"/>.</summary>
    TooManySheets,
    /// <summary>A sheet declares or reaches a row past <see cref="XlsxLimits.MaxRows"/>.</summary>
    TooManyRows,
    /// <summary>A part nests elements deeper than <see cref="XlsxLimits.MaxDepth"/>, or holds a tag or a text longer than
    /// <see cref="XlsxLimits.MaxMarkupBytes"/>: refused as soon as it is seen, before the reader holds it.</summary>
    XmlBeyondBounds,
    /// <summary>The package can be read more than one way (two entries of one name, a cell given twice, columns past
    /// XFD, names equal but for case): refused rather than one reading picked.</summary>
    Ambiguous,
    /// <summary>ReadCells was asked for a sheet the workbook does not have.</summary>
    UnknownSheet,
    /// <summary>ReadCells was asked for something that is not a cell reference like "C5" or "$C$5".</summary>
    BadCellReference,
}

public sealed record XlsxProblem(XlsxProblemKind Kind, string Detail)
{
    public override string ToString() => $"{Kind}: {Detail}";
}

public enum XlsxCellKind { Empty, Number, Text, Boolean, Error, FormulaWithoutValue }

/// <summary>
/// One cell as stored. <paramref name="Raw"/> is the cached or literal value: number text as written
/// (invariant form, e.g. "1.5E-3"), the string text, "TRUE"/"FALSE", or an error like "#DIV/0!".
/// <paramref name="Formula"/> is set when the cell has an &lt;f&gt; element, even with a cached value;
/// it is "" for a shared-formula follower whose text lives on the master cell.
/// </summary>
public sealed record XlsxCellValue(XlsxCellKind Kind, string? Raw, string? Formula)
{
    public static XlsxCellValue Empty { get; } = new(XlsxCellKind.Empty, null, null);

    public bool HasFormula => Formula is not null;

    /// <summary>
    /// The cell shows a date or time: a number whose cell format is a date/time format (its Raw is the Excel
    /// serial, 44742 for 2022-06-30), or a t="d" cell (its Raw the ISO 8601 text).
    /// </summary>
    public bool IsDate { get; init; }
}

/// <summary>
/// A defined name. <paramref name="Sheet"/>/<paramref name="Cell"/> are set only when
/// <paramref name="Reference"/> is a single cell (Cell normalised to "C5"); null for ranges, #REF!,
/// constants, formulas, 3-D and external references.
/// </summary>
public sealed record XlsxDefinedName(string Name, string Reference, int? LocalSheetId, string? Sheet, string? Cell)
{
    public bool IsSingleCell => Sheet is not null && Cell is not null;
}

/// <summary>Carries a problem out of deep parsing code; never escapes the public API.</summary>
internal sealed class XlsxProblemException(XlsxProblem problem) : Exception(problem.ToString())
{
    public XlsxProblem Problem { get; } = problem;

    public XlsxProblemException(XlsxProblemKind kind, string detail) : this(new XlsxProblem(kind, detail)) { }
}
