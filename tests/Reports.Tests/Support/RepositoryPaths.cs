namespace Reports.Tests.Support;

/// <summary>Paths of the checkout the tests run in (found by walking up to Reports.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");
    public static string Font => Path.Combine(Root, "fonts", "wqy-microhei.ttc");
    public static string SampleRoster => Path.Combine(Root, "seeds", "changzhi-roster.json");
    public static string SampleInbox => Path.Combine(Root, "seeds", "campaign-5plus1", "2022-06");
    public static string SampleValues => Path.Combine(Root, "seeds", "campaign-5plus1", "2022-06-values.csv");
    public static string ZhengzhouRoster => Path.Combine(Root, "seeds", "zhengzhou-roster.json");
    public static string EmploymentInbox => Path.Combine(Root, "seeds", "employment-scale", "2022-12");
    public static string FundInbox => Path.Combine(Root, "seeds", "fund-project-matching", "2022-06");
    public static string FundValues => Path.Combine(Root, "seeds", "fund-project-matching", "2022-06-values.csv");
    public static string FundLedger => Path.Combine(Root, "seeds", "fund-project-matching", "2022-06-ledger.csv");
    public static string EmploymentValues => Path.Combine(Root, "seeds", "employment-scale", "2022-12-values.csv");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Reports.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Reports.sln not found above " + AppContext.BaseDirectory);
    }
}
