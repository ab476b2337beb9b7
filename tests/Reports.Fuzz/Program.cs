using Reports.Definitions;
using Reports.Fuzz;
using Reports.Intake;
using Reports.Periods;
using Reports.Rosters;
using SharpFuzz;

// reports-fuzz REPO                      the AFL target: one input on stdin, read as intake reads a county file
// reports-fuzz REPO --seed XLSX OUT      a real workbook written as the parts form (a seed)
// reports-fuzz REPO --zip INPUT OUT      the workbook an input stands for (to keep a finding as a test's file)
// reports-fuzz REPO --check INPUT...     each input through the harness in this process (a crash shows its stack)
var root = args.Length > 0 ? args[0] : throw new ArgumentException("usage: reports-fuzz REPO [--seed XLSX OUT | --zip INPUT OUT | --check INPUT...]");
switch (args.Skip(1).FirstOrDefault())
{
    case "--seed":
        File.WriteAllBytes(args[3], FuzzInput.FromWorkbook(File.ReadAllBytes(args[2])));
        return 0;
    case "--zip":
        File.WriteAllBytes(args[3], FuzzInput.ToWorkbook(File.ReadAllBytes(args[2])));
        return 0;
}

// Built at the first input: Reports.Core is instrumented, and its code may not run before the fuzzer has set up.
Dictionary<string, ReturnFileReader>? readers = null;

void Read(byte[] input)
{
    readers ??= Contexts(root).ToDictionary(c => c.Definition.Code, c => new ReturnFileReader(c), StringComparer.Ordinal);
    var fallback = readers["campaign-5plus1"];
    // Every byte a county sends is untrusted: the reader answers with diagnostics, never an exception.
    var workbook = FuzzInput.ToWorkbook(input);
    var said = ReturnFileReader.Peek(workbook);
    var reader = said is not null && readers.TryGetValue(said.Return, out var own) ? own : fallback;
    reader.Read("140426-黎城县-fuzz.xlsx", workbook, new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero));
}

if (args.Skip(1).FirstOrDefault() == "--check")
{
    foreach (var path in args.Skip(2))
    {
        Read(File.ReadAllBytes(path));
        Console.WriteLine($"ok {path}");
    }
    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    Read(buffer.ToArray());
});
return 0;

static IEnumerable<IntakeContext> Contexts(string root)
{
    var templates = Path.Combine(root, "templates");
    foreach (var (code, period, roster) in new[]
    {
        ("campaign-5plus1", "2022-06", "changzhi-roster.json"),
        ("fund-project-matching", "2022-06", "changzhi-roster.json"),
        ("employment-scale", "2022-12", "zhengzhou-roster.json"),
    })
    {
        _ = ReportingPeriod.TryParse(period, out var parsed);
        yield return new IntakeContext(ReturnDefinitionLoader.LoadFor(templates, code, parsed), RosterLoader.Load(Path.Combine(root, "seeds", roster)), parsed);
    }
}
