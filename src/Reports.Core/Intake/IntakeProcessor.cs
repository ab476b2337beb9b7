using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Takes in every file of an inbox, in a fixed order, each read once and checked; a byte-identical resend is a
/// duplicate, not a second version. Files are recognised by their first bytes. Which version counts for a unit is
/// not decided here but by <see cref="Versions.VersionSelector"/>.
/// </summary>
public sealed class IntakeProcessor(IntakeContext context, int? maxParallelism = null)
{
    /// <summary>Extensions under which a file is read even when its bytes say it is not a workbook (to tell the clerk so).</summary>
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xlsm", ".xls", ".xltx", ".xltm", ".et", ".ett"];

    /// <summary>
    /// Every entry of an inbox (see <see cref="InboxReader.List"/>: unit subfolders name their sender) read, and the
    /// versions decided among: a convenience for one inbox without a store.
    /// </summary>
    public IReadOnlyList<IntakeFileResult> ProcessInbox(string inbox, IProgress<string>? progress = null) =>
        Versions.VersionSelector.Decide(ProcessEntries(InboxReader.List(inbox, context.Roster), progress)).Files;

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
        return MarkDuplicates([.. results]);
    }

    /// <summary>How many files are read at once unless told: every core.</summary>
    public static int DefaultParallelism => Environment.ProcessorCount;

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

    private static string Describe(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => "通过",
        IntakeStatus.Rejected => "退回",
        IntakeStatus.Superseded => "已被更新的报送替代",
        IntakeStatus.Duplicate => "重复报送",
        _ => "未读取",
    };
}
