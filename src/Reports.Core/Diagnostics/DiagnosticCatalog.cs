namespace Reports.Diagnostics;

/// <summary>
/// Every diagnostic the pipeline can give, in one place. Codes are stable: counties and scripts key on them,
/// so a code is never reused for another meaning.
/// </summary>
public static class DiagnosticCatalog
{
    // Files that cannot be read at all.
    public static readonly DiagnosticCode NotAWorkbook = new("RPT001", DiagnosticSeverity.Error, "不是 Excel 工作簿", "请用下发的 .xlsx 模板填报，不要改扩展名或另存为其他格式。");
    public static readonly DiagnosticCode LegacyOrEncrypted = new("RPT002", DiagnosticSeverity.Error, "旧版 .xls 或加密的工作簿", "请用下发的 .xlsx 模板填报，不要设置打开密码。");
    public static readonly DiagnosticCode BrokenWorkbook = new("RPT003", DiagnosticSeverity.Error, "工作簿已损坏或超出大小限制", "请重新保存或从下发的模板重新填报。");

    // Identification.
    public static readonly DiagnosticCode MetaMissing = new("RPT010", DiagnosticSeverity.Error, "缺少报表标识", "工作簿中缺少报表标识名称（meta_*），请使用下发的模板。");
    public static readonly DiagnosticCode WrongReturn = new("RPT011", DiagnosticSeverity.Error, "不是本次汇总的报表", "请确认报送的是本报表的模板。");
    public static readonly DiagnosticCode WrongVersion = new("RPT012", DiagnosticSeverity.Error, "模板版本不符", "请使用本期下发的最新模板重新填报。");
    public static readonly DiagnosticCode UnknownUnit = new("RPT013", DiagnosticSeverity.Error, "单位不在名册中", "请使用市级下发给本单位的模板。");
    public static readonly DiagnosticCode WrongPeriod = new("RPT014", DiagnosticSeverity.Error, "报告期不符", "请使用本期下发的模板。");
    public static readonly DiagnosticCode FileNameUnitMismatch = new("RPT015", DiagnosticSeverity.Warning, "文件名中的单位代码与表内不符", "以表内单位代码为准；请核对是否报错了文件。");

    // Reading fields by defined name.
    public static readonly DiagnosticCode FieldNameMissing = new("RPT020", DiagnosticSeverity.Error, "缺少字段名称", "填报单元格的名称被删除，请使用下发的模板重新填报。");
    public static readonly DiagnosticCode FieldNameNotACell = new("RPT021", DiagnosticSeverity.Error, "字段名称未指向单个单元格", "填报单元格的名称被修改，请使用下发的模板重新填报。");

    // Values.
    public static readonly DiagnosticCode RequiredBlank = new("RPT030", DiagnosticSeverity.Error, "必填项为空", "请填写该项；没有发生的填 0。");
    public static readonly DiagnosticCode NotANumber = new("RPT031", DiagnosticSeverity.Error, "不是数字", "请只填写数字，不要带单位或文字。");
    public static readonly DiagnosticCode NotWhole = new("RPT032", DiagnosticSeverity.Error, "应为整数", "人数、户数、个数等请填写整数。");
    public static readonly DiagnosticCode Negative = new("RPT033", DiagnosticSeverity.Error, "不能为负数", "请填写 0 或正数。");
    public static readonly DiagnosticCode TooManyDecimals = new("RPT034", DiagnosticSeverity.Error, "金额超过两位小数", "金额以万元为单位，最多保留两位小数。");
    public static readonly DiagnosticCode FormulaWithoutValue = new("RPT035", DiagnosticSeverity.Error, "公式没有计算结果", "请在 Excel 或 WPS 中打开并保存一次，或直接填写数值。");
    public static readonly DiagnosticCode ErrorValue = new("RPT036", DiagnosticSeverity.Error, "单元格是错误值", "请修正该单元格中的公式或数值。");
    public static readonly DiagnosticCode NumberAsText = new("RPT037", DiagnosticSeverity.Warning, "数字以文本形式填写", "已按数字读取；请核对。");

    // Rules between fields.
    public static readonly DiagnosticCode AtMostViolated = new("RPT040", DiagnosticSeverity.Error, "分项大于总数", "“其中”项、已完成数不能大于对应的总数，请核对。");

    // Submissions.
    public static readonly DiagnosticCode Superseded = new("RPT050", DiagnosticSeverity.Info, "同一单位的较早报送", "同一单位本期有更新的报送，本文件未参与汇总，原文件已保留。");
    public static readonly DiagnosticCode NotAnXlsxFile = new("RPT051", DiagnosticSeverity.Info, "收件箱中的非报表文件", "该文件不是 .xlsx,未读取。");

    // Outputs.
    public static readonly DiagnosticCode GlyphMissing = new("RPT090", DiagnosticSeverity.Warning, "简报字体缺字", "所配置的字体和自带字体都没有这些字符；请在设置中换用含这些字符的字体，或在名称、模板中改用常用字。");

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        NotAWorkbook, LegacyOrEncrypted, BrokenWorkbook,
        MetaMissing, WrongReturn, WrongVersion, UnknownUnit, WrongPeriod, FileNameUnitMismatch,
        FieldNameMissing, FieldNameNotACell,
        RequiredBlank, NotANumber, NotWhole, Negative, TooManyDecimals, FormulaWithoutValue, ErrorValue, NumberAsText,
        AtMostViolated,
        Superseded, NotAnXlsxFile,
        GlyphMissing,
    ];
}
