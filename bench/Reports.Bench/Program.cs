using System.Globalization;
using Reports.Bench;

// reports-bench make  --n N --out DIR [--templates DIR] [--seed S]   a roster of N units and their filled returns
// reports-bench correct --n N --count K --out DIR [--templates DIR] [--seed S]   K of make's returns in DIR replaced by corrected ones
// reports-bench floor --inbox DIR                                     inflate every part of every workbook, no parsing
// reports-bench outputs --inbox DIR --roster R [--repeats K] [--only STAGE] [--keep DIR] [--templates DIR] [--font F]
//                                                                     each output of a run prepared and written K times, in process
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string Option(string name, string? fallback = null)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1]
        : fallback ?? throw new ArgumentException($"missing {name}");
}

switch (args.FirstOrDefault())
{
    case "make":
        var made = new InboxMaker(
            int.Parse(Option("--n"), CultureInfo.InvariantCulture),
            int.Parse(Option("--seed", InboxMaker.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            Option("--templates", "templates")).Make(Option("--out"));
        Console.WriteLine(made.ToJson());
        return 0;
    case "correct":
        var corrected = new InboxMaker(
            int.Parse(Option("--n"), CultureInfo.InvariantCulture),
            int.Parse(Option("--seed", InboxMaker.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            Option("--templates", "templates")).Correct(Option("--out"), int.Parse(Option("--count", "30"), CultureInfo.InvariantCulture));
        Console.WriteLine($"{{\"corrected\": {corrected.Count}, \"units\": [{string.Join(", ", corrected.Select(c => $"\"{c}\""))}]}}");
        return 0;
    case "floor":
        Console.WriteLine(InflateFloor.Measure(Option("--inbox")).ToJson());
        return 0;
    case "outputs":
        Console.WriteLine(OutputsBench.Measure(Option("--inbox"), Option("--roster"), Option("--templates", "templates"), Option("--font", "fonts/wqy-microhei.ttc"),
            int.Parse(Option("--repeats", "3"), CultureInfo.InvariantCulture), args.Contains("--only") ? Option("--only") : null,
            args.Contains("--keep") ? Option("--keep") : null));
        return 0;
    default:
        Console.Error.WriteLine("usage: reports-bench make --n N --out DIR [--templates DIR] [--seed S] | correct --n N --count K --out DIR | floor --inbox DIR | outputs --inbox DIR --roster R [--repeats K] [--only STAGE]");
        return 2;
}
