using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Takes in every file of an inbox, in a fixed order, and decides which file speaks for each unit: the newest
/// submission (by the template's stamp, else the file's time); earlier ones are kept and marked superseded, and a
/// byte-identical resend is a duplicate, not a second version. Files are recognised by their first bytes.
/// </summary>
public sealed class IntakeProcessor(IntakeContext context, int? maxParallelism = null)
{
    /// <summary>Extensions under which a file is read even when its bytes say it is not a workbook (to tell the clerk so).</summary>
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xlsm", ".xls", ".xltx", ".xltm", ".et", ".ett"];

    /// <summary>Every entry of an inbox (see <see cref="InboxReader.List"/>): unit subfolders name their sender.</summary>
    public IReadOnlyList<IntakeFileResult> ProcessInbox(string inbox, IProgress<string>? progress = null) =>
        ProcessEntries(InboxReader.List(inbox, context.Roster), progress);

    /// <summary>Files named one by one (<c>reports validate</c>): no sender.</summary>
    public IReadOnlyList<IntakeFileResult> ProcessFiles(IReadOnlyList<string> files, IProgress<string>? progress = null) =>
        ProcessEntries(files.Select(f => new InboxEntry(f, null)).ToList(), progress);

    public IReadOnlyList<IntakeFileResult> ProcessEntries(IReadOnlyList<InboxEntry> entries, IProgress<string>? progress = null)
    {
        // Files are independent: read them on every core, each result in its file's slot, so the order (and every
        // decision taken from it) is the same as a one-core run. Progress lines keep to file order as well.
        var reader = new ReturnFileReader(context);
        var maxBytes = context.EffectiveLimits.MaxFileBytes;
        var results = new IntakeFileResult[entries.Count];
        var reported = 0;
        var gate = new object();
        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? DefaultParallelism }, index =>
        {
            // Each file is read once, here, and everything below works from those bytes.
            var file = InboxReader.Read(entries[index], maxBytes);
            results[index] = IsWorkbookCandidate(file)
                ? reader.Read(file)
                : new IntakeFileResult(file.Path, "", null, IntakeStatus.Ignored,
                    [DiagnosticCatalog.NotAReturnFile.At("收件箱中的这个文件不是 Excel 工作簿，未读取", file.Path)], null);
            if (progress is null)
            {
                return;
            }
            lock (gate)
            {
                while (reported < results.Length && results[reported] is { } done)
                {
                    if (done.Status != IntakeStatus.Ignored)
                    {
                        progress.Report($"{Path.GetFileName(done.File)}: {Describe(done.Status)}");
                    }
                    reported++;
                }
            }
        });
        return Choose(MarkDuplicates([.. results]));
    }

    /// <summary>How many files are read at once unless told: every core, or REPORTS_INTAKE_THREADS (1: strictly sequential).</summary>
    public static int DefaultParallelism { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("REPORTS_INTAKE_THREADS"), out var threads) && threads > 0 ? threads : Environment.ProcessorCount;

    /// <summary>
    /// By content first: a workbook named .pdf is read; a PDF named .xlsx is read too, to be reported. An entry that is
    /// no regular file is always reported, whatever its name. The bytes were read already: nothing is opened again.
    /// </summary>
    private static bool IsWorkbookCandidate(ReceivedFile file) =>
        WorkbookExtensions.Contains(Path.GetExtension(file.Path), StringComparer.OrdinalIgnoreCase)
        || file.Problem?.Code == DiagnosticCatalog.NotARegularFile.Code
        || file.Bytes is { } bytes && FileSignature.LooksLikeWorkbook(bytes.AsSpan(0, Math.Min(bytes.Length, 8)));

    /// <summary>A file whose bytes equal an earlier file's is the same submission sent twice.</summary>
    private static List<IntakeFileResult> MarkDuplicates(List<IntakeFileResult> results)
    {
        var first = new Dictionary<string, IntakeFileResult>(StringComparer.Ordinal);
        return results.Select(r =>
        {
            if (r.Sha256.Length == 0 || r.Status == IntakeStatus.Ignored)
            {
                return r;
            }
            if (!first.TryGetValue(r.Sha256, out var original))
            {
                first[r.Sha256] = r;
                return r;
            }
            var note = DiagnosticCatalog.Duplicate.At($"与 {Path.GetFileName(original.File)} 内容完全相同，按同一份报送处理", r.File);
            return r with { Status = IntakeStatus.Duplicate, Diagnostics = [.. r.Diagnostics, note] };
        }).ToList();
    }

    /// <summary>The newest submission of each unit speaks for it; the others are superseded.</summary>
    public static List<IntakeFileResult> Choose(List<IntakeFileResult> results)
    {
        var latest = results
            .Where(r => r.Submission is not null && r.UnitCode is not null && r.Status is IntakeStatus.Accepted or IntakeStatus.Rejected)
            .GroupBy(r => r.UnitCode!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.Submission!.SubmittedAt).ThenByDescending(r => Path.GetFileName(r.File), StringComparer.Ordinal).First());
        return results.Select(r =>
        {
            if (r.UnitCode is null || r.Submission is null || r.Status is not (IntakeStatus.Accepted or IntakeStatus.Rejected)
                || !latest.TryGetValue(r.UnitCode, out var winner) || ReferenceEquals(winner, r))
            {
                return r;
            }
            var note = DiagnosticCatalog.Superseded.At(
                $"单位 {r.UnitCode} 本期还报送了更新的文件 {Path.GetFileName(winner.File)}（{Stamp(winner.Submission!)}），以其为准；本文件为 {Stamp(r.Submission)}", r.File);
            return r with { Status = IntakeStatus.Superseded, Diagnostics = [.. r.Diagnostics, note] };
        }).ToList();
    }

    private static string Stamp(CountySubmission submission) =>
        (submission.Stamp is null ? "文件时间 " : "报送时间 ") + submission.SubmittedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => "通过",
        IntakeStatus.Rejected => "退回",
        IntakeStatus.Superseded => "已被更新的报送替代",
        IntakeStatus.Duplicate => "重复报送",
        _ => "未读取",
    };
}
