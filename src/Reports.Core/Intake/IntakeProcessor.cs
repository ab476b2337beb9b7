using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>
/// Takes in every file of an inbox, in a fixed order, and decides which file speaks for each unit:
/// the newest one; earlier files of the same unit are kept and marked superseded.
/// </summary>
public sealed class IntakeProcessor(IntakeContext context)
{
    public IReadOnlyList<IntakeFileResult> ProcessInbox(string inbox, IProgress<string>? progress = null)
    {
        var files = Directory.EnumerateFiles(inbox, "*", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)) // Excel's lock files
            .Order(StringComparer.Ordinal)
            .ToList();
        return ProcessFiles(files, progress);
    }

    public IReadOnlyList<IntakeFileResult> ProcessFiles(IReadOnlyList<string> files, IProgress<string>? progress = null)
    {
        var reader = new ReturnFileReader(context);
        var results = new List<IntakeFileResult>(files.Count);
        foreach (var file in files)
        {
            if (!file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                results.Add(new IntakeFileResult(file, "", null, IntakeStatus.Ignored,
                    [DiagnosticCatalog.NotAnXlsxFile.At("收件箱中的这个文件不是 .xlsx 报表，未读取", file)], null));
                continue;
            }
            var result = reader.Read(file);
            progress?.Report($"{Path.GetFileName(file)}: {Describe(result.Status)}");
            results.Add(result);
        }
        return SupersedeEarlier(results);
    }

    private static List<IntakeFileResult> SupersedeEarlier(List<IntakeFileResult> results)
    {
        var latest = results
            .Where(r => r.Submission is not null && r.UnitCode is not null)
            .GroupBy(r => r.UnitCode!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.Submission!.FileTime).ThenByDescending(r => Path.GetFileName(r.File), StringComparer.Ordinal).First());
        return results.Select(r =>
        {
            if (r.UnitCode is null || !latest.TryGetValue(r.UnitCode, out var winner) || ReferenceEquals(winner, r) || r.Submission is null)
            {
                return r;
            }
            var note = DiagnosticCatalog.Superseded.At($"单位 {r.UnitCode} 本期还报送了更新的文件 {Path.GetFileName(winner.File)}，以其为准", r.File);
            return r with { Status = IntakeStatus.Superseded, Diagnostics = [.. r.Diagnostics, note] };
        }).ToList();
    }

    private static string Describe(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => "通过",
        IntakeStatus.Rejected => "退回",
        IntakeStatus.Superseded => "已被更新的报送替代",
        _ => "未读取",
    };
}
