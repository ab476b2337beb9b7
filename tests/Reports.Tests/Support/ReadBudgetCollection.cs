namespace Reports.Tests.Support;

/// <summary>
/// Tests that read the process-wide <see cref="Reports.Intake.ReadBudget"/> (what every reader in the process holds):
/// they run alone, since any other test's intake holds some of it meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadBudgetCollection
{
    public const string Name = "the process-wide read budget";
}
