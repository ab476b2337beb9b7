namespace Reports.Diagnostics;

/// <summary>
/// Every diagnostic the pipeline can give, in one place. Codes are stable: counties and scripts key on them,
/// so a code is never reused for another meaning. docs/diagnostics.md is generated from <see cref="Groups"/>
/// (a test keeps it in step).
/// </summary>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error, Warning = DiagnosticSeverity.Warning, Info = DiagnosticSeverity.Info;

    // Files that cannot be read at all (identified by their first bytes, not their extension).
    public static readonly DiagnosticCode NotAWorkbook = new("RPT001", Error, "不是 Excel 工作簿", "文件内容不是 Excel 工作簿（可能是 PDF、图片或文本改了扩展名）。请用下发的 .xlsx 模板填报后直接报送。");
    public static readonly DiagnosticCode LegacyXls = new("RPT002", Error, "旧版 .xls 格式", "请另存为 .xlsx 后重新报送（在 Excel 或 WPS 中“另存为”，类型选“Excel 工作簿（*.xlsx）”）。");
    public static readonly DiagnosticCode TooLarge = new("RPT003", Error, "文件超出大小限制", "报表文件不应超过几十 KB。请从下发的模板重新填报，不要粘贴图片或大量数据。");
    public static readonly DiagnosticCode EmptyFile = new("RPT004", Error, "空文件", "文件长度为 0，可能是复制或上传没有完成。请重新保存并报送。");
    public static readonly DiagnosticCode Encrypted = new("RPT005", Error, "工作簿设置了打开密码", "请取消打开密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送。");
    public static readonly DiagnosticCode CorruptZip = new("RPT006", Error, "文件不完整或已损坏", "文件可能没有传输完整。请在 Excel 或 WPS 中打开确认无误后重新保存、报送。");
    public static readonly DiagnosticCode ZipBomb = new("RPT007", Error, "文件压缩异常", "文件解压后远大于正常报表，已停止读取。请从下发的模板重新填报。");
    public static readonly DiagnosticCode MalformedWorkbook = new("RPT008", Error, "工作簿内部结构有误", "文件由非标准软件生成或已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重新报送。");
    public static readonly DiagnosticCode DtdProhibited = new("RPT009", Error, "工作簿含有不安全的 XML 声明", "文件内部含有 DTD 或外部实体，出于安全考虑不予读取。请在 Excel 或 WPS 中另存为 .xlsx 后重新报送。");
    public static readonly DiagnosticCode MacroEnabled = new("RPT060", Warning, "启用宏的工作簿", "已只读取数值，宏不会运行。今后请使用下发的 .xlsx 模板，不要另存为 .xlsm。");
    public static readonly DiagnosticCode FileLocked = new("RPT061", Error, "文件无法打开", "文件正被其他程序占用或没有读取权限。请关闭打开该文件的程序后重新运行；原文件未作改动。");
    public static readonly DiagnosticCode TooManySheets = new("RPT062", Error, "工作表或部件过多", "报表只应有下发模板中的工作表。请从下发的模板重新填报。");
    public static readonly DiagnosticCode TooManyRows = new("RPT063", Error, "工作表行数过多", "报表只应有模板中的几十行。请删除多余的行或从下发的模板重新填报。");
    public static readonly DiagnosticCode XmlBeyondBounds = new("RPT065", Error, "工作簿内部 XML 超出界限", "文件内部的 XML 嵌套过深或单个标记、单段文字过长，正常报表不会如此，已停止读取。请在 Excel 或 WPS 中打开并另存为 .xlsx，或从下发的模板重新填报。");
    public static readonly DiagnosticCode AmbiguousWorkbook = new("RPT066", Error, "工作簿内容有歧义", "文件内部同一内容有两种写法（如两个同名部件、同一单元格写了两次、列超出 XFD、只差大小写的两个名称），不同软件会读出不同的数，未采用。请在 Excel 或 WPS 中打开核对后另存为 .xlsx，或从下发的模板重新填报。");
    public static readonly DiagnosticCode NameInHiddenSheet = new("RPT067", Warning, "名称指向深度隐藏的工作表", "填报单元格在一张在 Excel 中无法取消隐藏的工作表上，填报人看不到它。已按其中的数读取；请核对，并使用下发的模板填报。");
    public static readonly DiagnosticCode NotARegularFile = new("RPT064", Error, "不是普通文件", "收件箱中的这一项是链接、管道或设备，不是报送的文件，未读取。请把报表文件本身（而不是快捷方式或链接）放入收件箱。");

    // Identification.
    public static readonly DiagnosticCode MetaMissing = new("RPT010", Error, "缺少报表标识", "工作簿中缺少报表标识名称（meta_*），不是下发的模板。请使用下发的模板填报。");
    public static readonly DiagnosticCode WrongReturn = new("RPT011", Error, "不是本次汇总的报表", "这是另一张报表的模板。请确认报送的是本报表。");
    public static readonly DiagnosticCode WrongVersion = new("RPT012", Error, "模板版本不符", "这是旧版模板。请使用本期下发的最新模板重新填报。");
    public static readonly DiagnosticCode UnknownUnit = new("RPT013", Error, "单位不在名册中", "请使用市级下发给本单位的模板，不要改动单位代码。");
    public static readonly DiagnosticCode WrongPeriod = new("RPT014", Error, "报告期不符", "这是其他报告期的模板。请使用本期下发的模板。");
    public static readonly DiagnosticCode FileNameUnitMismatch = new("RPT015", Warning, "文件名中的单位代码与表内不符", "以表内单位代码为准。请核对是否报错了文件。");
    public static readonly DiagnosticCode SenderNameMismatch = new("RPT016", Error, "文件名中的单位与表内单位不符", "文件名以名册中一个单位的代码开头，表内却是另一个单位：不能确定是谁报送的，未采用。请用本单位的模板填报，文件名不要改动。");
    public static readonly DiagnosticCode SenderFolderMismatch = new("RPT017", Error, "报送文件夹与表内单位不符", "文件放在一个单位的收件文件夹中，表内却是另一个单位：不能代替其他单位报送，未采用。请用本单位的模板填报。");
    public static readonly DiagnosticCode FieldNameMissing = new("RPT020", Error, "缺少字段名称", "填报单元格的名称被删除。请使用下发的模板重新填报，不要删除或重命名单元格名称。");
    public static readonly DiagnosticCode FieldNameNotACell = new("RPT021", Error, "字段名称未指向单个单元格", "填报单元格的名称被修改为区域、其他工作表或无效引用。请使用下发的模板重新填报。");
    public static readonly DiagnosticCode FieldNamesShareCell = new("RPT022", Error, "多个字段名称指向同一单元格", "填报单元格的名称被改动。请使用下发的模板重新填报。");
    public static readonly DiagnosticCode LockedValueChanged = new("RPT023", Error, "市级预填的数值被改动", "目标任务和上年度数由市级预填，不能修改。如有异议请与市级联系，并按下发的数值报送。");

    // Values as clerks type them: accepted with a warning when unambiguous.
    public static readonly DiagnosticCode NumberAsText = new("RPT037", Warning, "数字以文本形式填写", "已按数字读取。请核对；今后请直接填写数字。");
    public static readonly DiagnosticCode ThousandsSeparator = new("RPT038", Warning, "数字带千位分隔符", "已去掉逗号按数字读取。请核对。");
    public static readonly DiagnosticCode FullWidthDigits = new("RPT039", Warning, "数字为全角字符", "已按半角数字读取。请核对；今后请用半角（英文）输入法填写数字。");
    public static readonly DiagnosticCode SpacesAround = new("RPT070", Warning, "数字前后有空格", "已去掉空格按数字读取。请核对。");
    public static readonly DiagnosticCode PercentAsText = new("RPT071", Warning, "百分数以文本形式填写", "已按百分数读取（如 12.50% 读作 0.125）。请核对。");
    public static readonly DiagnosticCode TrailingUnit = new("RPT072", Warning, "数字后带了计量单位", "单位与本项一致，已去掉单位按数字读取。今后请只填数字。");

    // Values: rejected.
    public static readonly DiagnosticCode RequiredBlank = new("RPT030", Error, "必填项为空", "请填写该项；没有发生的填 0。");
    public static readonly DiagnosticCode NotANumber = new("RPT031", Error, "不是数字", "请只填写数字，不要带文字。");
    public static readonly DiagnosticCode NotWhole = new("RPT032", Error, "应为整数", "人数、户数、个数等请填写整数。");
    public static readonly DiagnosticCode Negative = new("RPT033", Error, "不能为负数", "请填写 0 或正数。");
    public static readonly DiagnosticCode TooManyDecimals = new("RPT034", Error, "金额超过两位小数", "金额以万元为单位，最多保留两位小数。");
    public static readonly DiagnosticCode FormulaWithoutValue = new("RPT035", Error, "公式没有计算结果", "请在 Excel 或 WPS 中打开并保存一次，或直接填写数值。");
    public static readonly DiagnosticCode ErrorValue = new("RPT036", Error, "单元格是错误值", "请修正该单元格中的公式或数值（如 #DIV/0!、#REF!）。");
    public static readonly DiagnosticCode Approximate = new("RPT073", Error, "约数不能汇总", "请填写确切的数字，不要写“约”“左右”“多”“以上”等。");
    public static readonly DiagnosticCode Range = new("RPT074", Error, "填写的是区间", "请填写一个确切的数字，不要写“500-600”这样的范围。");
    public static readonly DiagnosticCode ScaledUnit = new("RPT075", Error, "数字带了“万”“千”等数量单位", "本项按计量单位填写确切数字（如 120000，而不是 12万）。");
    public static readonly DiagnosticCode WrongUnit = new("RPT076", Error, "计量单位与本项不符", "请按本项的计量单位换算后只填写数字。");
    public static readonly DiagnosticCode PercentNotAllowed = new("RPT077", Error, "本项不应填写百分数", "本项填写数量或金额，不是比率。请填写数字。");
    public static readonly DiagnosticCode DateInNumberCell = new("RPT078", Error, "数量或金额项填的是日期", "该单元格是日期格式，不是人数、个数或金额。请把单元格格式改为“常规”或“数值”后填写数字。");
    public static readonly DiagnosticCode OutOfRange = new("RPT079", Error, "数字超出可能的范围", "填写的数字大得不可能（超过 10^15）或小数位过多。请核对是否多打了数字、误用了科学计数法。");

    // Rules between fields.
    public static readonly DiagnosticCode AtMostViolated = new("RPT040", Error, "分项大于总数", "“其中”项、已完成数不能大于对应的总数，请核对。");
    public static readonly DiagnosticCode SumViolated = new("RPT041", Error, "总数不等于各分项之和", "总数应等于各分项之和（如务工就业人数 = 省外务工 + 省内县外务工 + 县内就业），请核对总数和各分项。");
    public static readonly DiagnosticCode NeedsViolated = new("RPT042", Error, "有数额却没有对应的户数或人数", "强制性审核：如有投放金额，投放户数就不能为 0。请补填户数或更正金额后重新报送。");

    // Must-explain checks (核实性审核) a return definition declares: the figure may be right. Each is a warning when the
    // county explains it in the 情况说明 cell (verify_note), the explanation kept beside it; without a real explanation
    // RPT046 or RPT047 sends the return back. A definition may declare such a check must-fix: the same code, an error.
    public static readonly DiagnosticCode OutsideRange = new("RPT043", Warning, "数值超出通常范围，须说明", "核实性审核：如务工总人数为上年度的 70%～150% 以外、户均投放超过 5 万元。请核实；数字有误的改正，数字属实的在表中情况说明一栏写明原因。");
    public static readonly DiagnosticCode BelowRequired = new("RPT044", Warning, "指标低于规定水平，须说明", "核实性审核：如雨露计划毕业生就业率低于 90%、用于产业发展的资金比例低于当年要求。请核实；属实的在情况说明一栏写明原因和下一步措施。");
    public static readonly DiagnosticCode BelowPrevious = new("RPT045", Warning, "累计数少于上期已采用的数，须说明", "核实性审核：累计数一般不会比上期少。请核对本期和上期的数；本期数属实的（如上期多报、已更正）在情况说明一栏写明原因。");
    public static readonly DiagnosticCode NotExplained = new("RPT046", Error, "核实性审核发现的问题没有说明", "在表中情况说明一栏（见单元格位置）写明该数为何如此，如变化的原因、依据；写好后重新报送。数字有误的，改正数字即可。");
    public static readonly DiagnosticCode NotAnExplanation = new("RPT047", Error, "情况说明没有写明原因", "只写核实无误、属实、正确等不算说明。请写明该数为何如此（至少一句话，如原因、依据、涉及多少户或多少人），然后重新报送。");

    // Detail tables (台账) and their agreement with the fixed part. A definition's check uses its kind's code, or
    // names one of these (e.g. the spent and completed checks of fund-project-matching), so each check has its own.
    public static readonly DiagnosticCode DetailTableMissing = new("RPT080", Error, "找不到台账或台账表头被改动", "台账的表头名称被删除或列名被改动。请使用下发的模板，在台账表头下方逐行填写，不要改动表头。");
    public static readonly DiagnosticCode DetailSumMismatch = new("RPT081", Error, "台账合计与表内数不符", "表内金额应等于台账对应列的合计（如已落实到项目资金 = 台账“已落实资金”合计，允许相差 0.01 万元）。请核对台账各行和表内数。");
    public static readonly DiagnosticCode DetailSpentMismatch = new("RPT082", Error, "台账已支出合计与表内已支出资金不符", "表内已支出资金应等于台账“已支出”列的合计（允许相差 0.01 万元）。请核对各项目的支出和表内数。");
    public static readonly DiagnosticCode DetailRowCountMismatch = new("RPT083", Error, "台账项目个数与表内项目数不符", "台账中每个项目填一行，行数应等于表内的项目数。请补齐或删除台账中的行，或更正表内数。");
    public static readonly DiagnosticCode DetailCountWhereMismatch = new("RPT084", Error, "台账中符合条件的项目个数与表内数不符", "如表内已开工项目数应等于台账中“是否开工”为“是”的行数。请核对。");
    public static readonly DiagnosticCode DetailCompletedMismatch = new("RPT085", Error, "台账中已完工的项目个数与表内数不符", "表内已完工项目数应等于台账中“是否完工”为“是”的行数。请核对。");
    public static readonly DiagnosticCode DetailConditionalBlank = new("RPT086", Error, "台账中按条件必填的项为空", "如已开工的项目必须填写开工日期。请补填。");
    public static readonly DiagnosticCode DetailDuplicate = new("RPT087", Error, "台账编号重复", "同一县内项目编号不能重复。请核对是否重复填报了同一项目，或更正编号。");
    public static readonly DiagnosticCode DetailNotInList = new("RPT088", Error, "台账中的选项不在列表中", "请从下拉列表中选择（如项目类别、是/否），不要自行输入其他文字。");
    public static readonly DiagnosticCode DetailBadDate = new("RPT089", Error, "台账中的日期无法识别", "请填写日期，如 2022-04-15。");

    // Submissions.
    public static readonly DiagnosticCode Superseded = new("RPT050", Info, "同一单位的较早报送", "同一单位本期有更新的报送，本文件未参与汇总，原文件已保留。");
    public static readonly DiagnosticCode NotAReturnFile = new("RPT051", Info, "收件箱中的非报表文件", "该文件既不是 Excel 工作簿，扩展名也不是报表的扩展名，未读取。");
    public static readonly DiagnosticCode Duplicate = new("RPT052", Info, "重复报送的相同文件", "与已收到的文件完全相同，按一份处理。无需重复报送。");
    public static readonly DiagnosticCode SubmissionStampInvalid = new("RPT053", Warning, "报送时间无法识别", "已改用文件修改时间判断先后。请使用下发的模板，不要改动“报送时间”单元格。");
    public static readonly DiagnosticCode SubmissionStampInFuture = new("RPT054", Warning, "报送时间晚于接收时间", "报送时间不可能晚于市级收到文件的时间，不予采信，已按收到的先后和文件修改时间判断。请如实填写报送时间。");
    public static readonly DiagnosticCode Withdrawn = new("RPT055", Info, "已被市级撤销的版本", "市级已撤销这个版本（如冒名或误报），它不再参与汇总。如有疑问请与市级联系。");
    public static readonly DiagnosticCode PendingAfterApproval = new("RPT057", Info, "审定后收到的文件（待审）", "本期数据已由市级审定，此后收到的文件已记录，暂不计入汇总；市级重新开放本单位后才以其为准。如需更正请与市级联系。");
    public static readonly DiagnosticCode ReceiptMissing = new("RPT059", Warning, "已发出的回执不在回执文件夹中", "回执是当时告知报送单位的记录，不按现在的结果重新生成（该版本此后可能已被替代、撤销或审定，重新生成的会与当时所告知的不同）。请从原输出文件夹或发送记录中找回；reports history 列出每份回执及其版本。");
    public static readonly DiagnosticCode LockFile = new("RPT058", Info, "收件箱中的临时锁文件", "文件名以 ~$ 开头，是 Excel 或 WPS 打开工作簿时留下的临时文件，不是报表，未读取。如果报表本身也以 ~$ 开头，请改名后重新报送。");
    public static readonly DiagnosticCode FormulaInTextField = new("RPT056", Warning, "文字项是公式", "文字项（如备注）中是没有计算结果的公式，已按公式原文记录。今后请直接填写文字。");

    // Plausibility across units and periods (data-quality signals): warnings that never reject a return or change a figure.
    public static readonly DiagnosticCode Outlier = new("DQ001", Warning, "数值明显偏离各单位一般水平", "请核实该数是否填错（如多打或少打一位）；如确实如此，请在报送时说明原因。");
    public static readonly DiagnosticCode UnitSlip = new("DQ002", Warning, "金额可能误以“元”为单位填报", "本项以万元为单位。请核对是否把元当作万元填写（相差一万倍）。");
    public static readonly DiagnosticCode CumulativeDecrease = new("DQ003", Warning, "累计数比上期减少", "累计数一般不会减少。请核对本期或上期的数是否有误。");
    public static readonly DiagnosticCode CumulativeJump = new("DQ004", Warning, "累计数比上期增长过快", "本期累计数是上期的数倍。请核对是否填错，或说明原因。");
    public static readonly DiagnosticCode SameAsPrevious = new("DQ005", Warning, "与上期报表完全相同", "本期各项数值与上期完全一样，可能是复制了上期的报表。请核对后重新报送。");

    // Outputs.
    public static readonly DiagnosticCode GlyphMissing = new("RPT090", DiagnosticSeverity.Warning, "简报字体缺字", "所配置的字体和自带字体都没有这些字符；请在设置中换用含这些字符的字体，或在名称、模板中改用常用字。");

    /// <summary>The heading of the detail-table codes: a definition's check may name any of them.</summary>
    public const string DetailGroup = "台账";

    /// <summary>The catalogue in the order the documentation lists it.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<DiagnosticCode> Codes)> Groups { get; } =
    [
        ("文件无法读取", [NotAWorkbook, LegacyXls, TooLarge, EmptyFile, Encrypted, CorruptZip, ZipBomb, MalformedWorkbook, DtdProhibited, MacroEnabled, FileLocked, TooManySheets, TooManyRows, NotARegularFile, XmlBeyondBounds, AmbiguousWorkbook, NameInHiddenSheet]),
        ("报表识别", [MetaMissing, WrongReturn, WrongVersion, UnknownUnit, WrongPeriod, FileNameUnitMismatch, SenderNameMismatch, SenderFolderMismatch, FieldNameMissing, FieldNameNotACell, FieldNamesShareCell, LockedValueChanged]),
        ("数值：可识别，已读取并提醒", [NumberAsText, ThousandsSeparator, FullWidthDigits, SpacesAround, PercentAsText, TrailingUnit, FormulaInTextField]),
        ("数值：不能汇总，退回", [RequiredBlank, NotANumber, NotWhole, Negative, TooManyDecimals, FormulaWithoutValue, ErrorValue, Approximate, Range, ScaledUnit, WrongUnit, PercentNotAllowed, DateInNumberCell, OutOfRange]),
        ("表内关系（强制性审核）", [AtMostViolated, SumViolated, NeedsViolated]),
        ("核实性审核（须在情况说明中说明）", [OutsideRange, BelowRequired, BelowPrevious, NotExplained, NotAnExplanation]),
        (DetailGroup, [DetailTableMissing, DetailSumMismatch, DetailSpentMismatch, DetailRowCountMismatch, DetailCountWhereMismatch, DetailCompletedMismatch, DetailConditionalBlank, DetailDuplicate, DetailNotInList, DetailBadDate]),
        ("报送与版本", [Superseded, NotAReturnFile, LockFile, Duplicate, SubmissionStampInvalid, SubmissionStampInFuture, Withdrawn, PendingAfterApproval, ReceiptMissing]),
        ("合理性核查", [Outlier, UnitSlip, CumulativeDecrease, CumulativeJump, SameAsPrevious]),
        ("简报输出", [GlyphMissing]),
    ];

    /// <summary>
    /// Findings that say a file is not a version of this return, period and unit at all (another return, template
    /// version, period or unit; a sender that is not the unit named inside). Such a file is recorded and listed, but
    /// never counts for a unit, nor displaces the unit's valid return.
    /// </summary>
    /// <summary>What a decision among versions says of a file (superseded, duplicate, withdrawn, pending): never a property of its content.</summary>
    public static IReadOnlySet<string> Decisions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Superseded.Code, Duplicate.Code, Withdrawn.Code, PendingAfterApproval.Code,
    };

    public static IReadOnlySet<string> IdentityFailures { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MetaMissing.Code, WrongReturn.Code, WrongVersion.Code, UnknownUnit.Code, WrongPeriod.Code, SenderNameMismatch.Code, SenderFolderMismatch.Code,
    };

    /// <summary>The codes of declared checks: when a check is must-explain and explained, its warning carries the explanation.</summary>
    public static IReadOnlySet<string> DeclaredCheckCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        NeedsViolated.Code, OutsideRange.Code, BelowRequired.Code, BelowPrevious.Code,
    };

    /// <summary>The errors that send a return back for a must-explain finding it did not explain.</summary>
    public static bool IsUnexplained(Diagnostic diagnostic) => diagnostic.Code == NotExplained.Code || diagnostic.Code == NotAnExplanation.Code;

    public static IReadOnlyList<DiagnosticCode> All { get; } = [.. Groups.SelectMany(g => g.Codes)];

    public static DiagnosticCode? Find(string code) => All.FirstOrDefault(c => c.Code == code);
}
