using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Intake;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Runs;
using Reports.Templates;

namespace Reports.Cli.Verbs;

/// <summary>What <c>template</c> and <c>fill</c> are asked: the return, period and roster, the folder, and for
/// <c>fill</c> the value sheet (and optionally the detail-table sheet) the returns are filled from.</summary>
public sealed record TemplateFolderRequest(string ReturnCode, ReportingPeriod Period, string RosterPath, string OutDirectory, string? PrefillPath, string? ValuesPath, string? DetailsPath);

/// <summary>
/// <c>reports template</c>: a blank return for every unit of the roster, into one folder; <c>reports fill</c> is the
/// same with each unit's figures filled in from a value sheet (for samples and tests).
/// </summary>
public sealed class TemplateVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text, bool quiet)
{
    /// <summary>How its files are written: the verb's Ctrl-C, and how a file is opened.</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    public int Execute(TemplateFolderRequest request)
    {
        var period = request.Period;
        var outDirectory = request.OutDirectory;
        var definition = ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, request.ReturnCode, period);
        var roster = RosterLoader.Load(request.RosterPath);
        var values = request.ValuesPath is null ? null : ReturnFiller.ReadValueSheetFile(request.ValuesPath, definition);
        var prefill = request.PrefillPath is { } prefillPath ? PrefillSheet.Load(prefillPath, definition) : null;
        var details = request.DetailsPath is { } detailsPath
            ? ReturnFiller.ReadDetailSheetFile(detailsPath, definition)
            : null;
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(OutputFile.CreateFolder(outDirectory)));
        var generator = new TemplateGenerator(clock);
        foreach (var unit in roster.Units)
        {
            var unitRequest = new Templates.TemplateRequest(definition, period, unit, prefill?.GetValueOrDefault(unit.Code)) { DetailRows = details?.GetValueOrDefault(unit.Code) };
            var bytes = generator.Generate(unitRequest);
            if (values is not null)
            {
                if (!values.TryGetValue(unit.Code, out var unitValues))
                {
                    output.WriteLine(text.T($"{unit.Code} {unit.Name}：数值表中没有该单位，未生成", $"{unit.Code} {unit.Name}: not in the value sheet, skipped"));
                    continue;
                }
                bytes = ReturnFiller.Fill(bytes, definition, unitValues);
            }
            var target = Path.GetFullPath(Path.Combine(folder, unitRequest.FileName));
            // FileName makes the unit's name safe; should it ever fail to, nothing is written outside --out.
            if (!string.Equals(Path.GetDirectoryName(target), folder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"模板文件 {unitRequest.FileName} 不在 --out {folder} 中");
            }
            var path = OutputFile.Write(target, bytes, Writing);
            if (!quiet)
            {
                output.WriteLine($"{text.T("已写出", "wrote")} {path}");
            }
        }
        return (int)ExitCode.Success;
    }
}
