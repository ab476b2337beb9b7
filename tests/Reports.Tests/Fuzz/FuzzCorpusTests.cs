using Reports.Fuzz;
using Reports.Intake;
using Reports.Tests.Support;

namespace Reports.Tests.Fuzz;

/// <summary>
/// Every input the fuzzing run kept (tests/Reports.Fuzz/seeds and corpus: AFL's queue, minimised) read as the harness
/// reads it: the reader answers each with a result, never an exception, and a file it does not accept says why.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "seeds", "corpus" })
        {
            var path = Path.Combine(RepositoryPaths.Root, "tests", "Reports.Fuzz", folder);
            foreach (var file in Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_input_the_fuzzer_kept_is_read_to_a_result_and_a_refusal_names_its_reason(string input)
    {
        var workbook = FuzzInput.ToWorkbook(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, input)));
        _ = ReturnFileReader.Peek(workbook);
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period))
            .Read("140426-黎城县-fuzz.xlsx", workbook, new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(workbook)), result.Sha256);
        if (result.Status == IntakeStatus.Accepted)
        {
            Assert.NotNull(result.Submission);
        }
        else
        {
            Assert.Equal(IntakeStatus.Rejected, result.Status);
            Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Length > 0);
        }
    }
}
