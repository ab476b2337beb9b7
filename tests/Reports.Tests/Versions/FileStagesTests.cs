using Reports.Diagnostics;
using Reports.Intake;
using Reports.Pipeline;
using Reports.Results;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;
using Reports.Versions;

namespace Reports.Tests.Versions;

/// <summary>
/// A file's life in stages — received (its bytes), read and checked, stored, decided — each a type of its own: what a
/// renderer is given is decided versions, which carry no bytes; a receipt carries the decision of its own version; a
/// withdrawal is the decision's, never a change to the stored version.
/// </summary>
public sealed class FileStagesTests : IDisposable
{
    private static readonly RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Every type reachable from <paramref name="root"/> through public instance properties, with the path that reaches
    /// it: the project's own types are walked into, a collection through its element types.
    /// </summary>
    private static Dictionary<Type, string> Reachable(Type root)
    {
        var project = typeof(TemplateGenerator).Assembly;
        var found = new Dictionary<Type, string> { [root] = root.Name };
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var type))
        {
            if (type.Assembly != project)
            {
                continue;
            }
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                foreach (var part in Parts(property.PropertyType))
                {
                    if (found.TryAdd(part, $"{found[type]}.{property.Name}"))
                    {
                        queue.Enqueue(part);
                    }
                }
            }
        }
        return found;
    }

    /// <summary>A type and what it is made of: an array's element, a generic type's arguments.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        yield return type;
        if (type.IsArray && type != typeof(byte[]))
        {
            foreach (var part in Parts(type.GetElementType()!))
            {
                yield return part;
            }
        }
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var part in Parts(argument))
            {
                yield return part;
            }
        }
    }

    private static bool IsBytes(Type type) =>
        type == typeof(byte[]) || typeof(Stream).IsAssignableFrom(type) || type == typeof(Memory<byte>) || type == typeof(ReadOnlyMemory<byte>);

    [Fact]
    public void What_a_renderer_is_given_carries_no_bytes_of_a_county_file()
    {
        // The walk finds bytes where a stage holds them: the received file, and intake handing a file to the store.
        Assert.Contains(Reachable(typeof(ReceivedFile)).Keys, IsBytes);
        Assert.Contains(Reachable(typeof(IntakeProcessor.Taken)).Keys, IsBytes);

        foreach (var root in new[] { typeof(ReturnResult), typeof(ReceiptToIssue), typeof(RunOutcome), typeof(VersionDecision) })
        {
            var reachable = Reachable(root);
            // It walks through the decided versions down to the file as read and its figures.
            Assert.Contains(typeof(DecidedVersion), reachable.Keys);
            Assert.Contains(typeof(StoredVersion), reachable.Keys);
            Assert.Contains(typeof(CountySubmission), reachable.Keys);
            Assert.Empty(reachable.Where(r => IsBytes(r.Key)).Select(r => $"{r.Value}: {r.Key}"));
        }
    }

    [Fact]
    public void A_receipt_carries_the_decision_of_its_own_version_when_a_later_file_of_the_run_supersedes_it()
    {
        var roster = Samples.WriteRoster(_temp.Path, First);
        var inbox = _temp.Sub("inbox");
        string Sent(string name, string stamp, string employed)
        {
            var values = Samples.ValuesOf(First.Code);
            values["emp_total"] = employed;
            var path = Samples.WriteFilled(_temp.Sub("written"), First, values);
            OpenXmlNameWriter.Fill(path, new Dictionary<string, object> { [MetaNames.Submitted] = stamp });
            var sent = Path.Combine(inbox, name);
            File.Move(path, sent);
            return sent;
        }
        // The later file comes first by name: only its stamp makes it the newer.
        var older = Sent("b-第一次.xlsx", "2022-07-01 09:00", "5000");
        var newer = Sent("a-更正.xlsx", "2022-07-02 09:00", "5100");
        var output = _temp.Sub("out");

        var outcome = new RunPipeline(Day1).Execute(Samples.Options(roster, inbox, output) with { StorePath = Path.Combine(_temp.Path, "store", "reports.db") });

        var result = outcome.Results[0];
        var receipts = result.Receipts.ToDictionary(r => Path.GetFileName(r.File), StringComparer.Ordinal);
        Assert.Equal(2, receipts.Count);
        foreach (var (name, receipt) in receipts)
        {
            // Each names its own content, as the store holds it, and the very version the result decided.
            Assert.Equal(Sha256(Path.Combine(inbox, name)), receipt.Version.Sha256);
            Assert.Contains(receipt.Version, result.Files);
        }
        var superseded = receipts[Path.GetFileName(older)].Version;
        Assert.Equal(IntakeStatus.Superseded, superseded.Status);
        Assert.Equal(IntakeStatus.Accepted, superseded.Version.Verdict); // its content passed: superseded is the decision's word
        Assert.Equal(DiagnosticCatalog.Superseded.Code, superseded.Why?.Code);
        Assert.Contains(Sha256(newer)[..12], superseded.Why!.Message);
        var counted = receipts[Path.GetFileName(newer)].Version;
        Assert.Equal(IntakeStatus.Accepted, counted.Status);
        Assert.Null(counted.Why);
        Assert.True(result.Decision.IsChosen(counted));
        Assert.Equal(5100m, result.Merge.Units.Single(u => u.Unit.Code == First.Code).Values["emp_total"]);

        // And the receipts written say so, each of its own file.
        string Verdict(string file)
        {
            var sheet = new WorkbookReadBack(Path.Combine(output, "receipts", receipts[Path.GetFileName(file)].Name)).Sheets[0];
            var (row, column) = sheet.Find("结果");
            Assert.Equal(Path.GetFileName(file), sheet.Text(sheet.Find("文件").Row, column + 1));
            return sheet.Text(row, column + 1)!;
        }
        Assert.Contains("以更新的为准", Verdict(older));
        Assert.StartsWith("已接收", Verdict(newer));
    }

    [Fact]
    public void A_withdrawal_is_the_decisions_the_stored_version_keeps_its_verdict()
    {
        var reader = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period));
        var read = reader.Read(Samples.WriteFilled(_temp.Sub("files"), First, Samples.ValuesOf(First.Code)));
        var at = new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero);
        var stored = new StoredVersion(read, 1, at) { Withdrawal = new Withdrawal(read.Sha256, at.AddHours(2), "tester", "冒名报送") };

        var decision = VersionSelector.Decide([stored]);

        var decided = Assert.Single(decision.Files);
        Assert.Equal(IntakeStatus.Accepted, stored.Verdict);
        Assert.Equal(IntakeStatus.Withdrawn, decided.Status);
        Assert.Equal(DiagnosticCatalog.Withdrawn.Code, decided.Why?.Code);
        Assert.Contains("冒名报送", decided.Why!.Message);
        Assert.Equal([.. read.Diagnostics, decided.Why], decided.Diagnostics);
        Assert.Null(decision.For(First.Code));
        Assert.False(VersionSelector.CanCount(stored));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
