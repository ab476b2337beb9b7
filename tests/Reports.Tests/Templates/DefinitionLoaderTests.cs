using Reports.Definitions;
using Reports.Tests.Support;

namespace Reports.Tests.Templates;

public sealed class DefinitionLoaderTests
{
    [Fact]
    public void The_campaign_definition_has_the_fields_and_indicators_of_the_spec()
    {
        var definition = Samples.Campaign;
        Assert.Equal(32, definition.Fields.Count()); // the spec's 31 and 情况说明 (verify_note)
        Assert.Equal(28, definition.NumericFields.Count());
        Assert.Equal(
            ["emp_total_ratio", "emp_outside_ratio", "proj_start_rate", "fund_match_rate", "loan_campaign_rate", "loan_annual_rate", "loan_avg", "cadre_training_coverage", "sales_total", "sales_rate", "fix_rate"],
            definition.Indicators.Select(i => i.Code));
        Assert.Equal("emp_total", definition.FindField("emp_outside")!.AtMost);
        Assert.Equal(FieldKind.Text, definition.VerifyNote!.Kind);
        Assert.Equal(
            [(ReturnCheckKind.Range, CheckClass.MustExplain, "emp_total_ratio"), (ReturnCheckKind.Range, CheckClass.MustExplain, "loan_avg"),
             (ReturnCheckKind.NotBelowPrevious, CheckClass.MustExplain, null), (ReturnCheckKind.Needs, CheckClass.MustFix, null)],
            definition.Checks.Select(c => (c.Kind, c.Class, c.Indicator)));
        Assert.Equal((0.7m, 1.5m), (definition.Checks[0].Min, definition.Checks[0].Max));
    }

    [Fact]
    public void A_check_that_names_nothing_or_needs_a_missing_verify_note_is_reported()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "broken.json");
        File.WriteAllText(path, """
            { "code": "x", "version": "1", "title": "T", "sections": [ { "code": "s", "title": "S", "fields": [
                { "code": "a", "label": "A", "unit": "人", "kind": "count" } ], "indicators": [] } ],
              "checks": [
                { "kind": "range", "class": "mustExplain", "indicator": "nope", "max": 2 },
                { "kind": "sideways", "class": "maybe" },
                { "kind": "notBelowPrevious", "class": "mustFix" } ] }
            """);

        var problems = Assert.Throws<DefinitionException>(() => ReturnDefinitionLoader.Load(path)).Problems;

        Assert.Contains(problems, p => p.StartsWith("$.checks[0].indicator", StringComparison.Ordinal) && p.Contains("nope", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.checks[0]:", StringComparison.Ordinal) && p.Contains("verify_note", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.checks[1].kind", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.checks[1].class", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.checks[2]:", StringComparison.Ordinal) && p.Contains("cumulative", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_broken_definition_is_reported_at_once()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bad.json");
        File.WriteAllText(path, """
            { "code": "x", "version": "1", "title": "t", "sections": [ { "code": "s", "title": "s",
              "fields": [ { "code": "a", "label": "A", "kind": "count" }, { "code": "a", "label": "B", "kind": "money", "atMost": "zz" } ],
              "indicators": [ { "code": "r", "label": "R", "numerator": ["nope"], "style": "odd" } ] } ] }
            """);
        var error = Assert.Throws<DefinitionException>(() => ReturnDefinitionLoader.Load(path));
        Assert.Contains(error.Problems, p => p.Contains("money", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("zz", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("nope", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("odd", StringComparison.Ordinal));
    }

    [Fact]
    public void The_employment_scale_definition_declares_its_sum_rule_and_threshold()
    {
        var definition = SampleReturn.Employment.Definition;
        Assert.Equal(["emp_outside_province", "emp_inside_province", "emp_local"], definition.FindField("emp_total")!.SumOf);
        Assert.Equal(0.9m, definition.Indicators.Single(i => i.Code == "yulu_rate").Threshold!.For(2022));
    }

    [Fact]
    public void A_sum_rule_naming_a_missing_or_text_field_is_a_definition_error()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bad.json");
        File.WriteAllText(path, """
            { "code": "x", "version": "1", "title": "t", "sections": [ { "code": "s", "title": "s",
              "fields": [ { "code": "a", "label": "A", "kind": "count", "sum": ["b", "ghost"] }, { "code": "b", "label": "B", "kind": "text" } ] } ] }
            """);
        var error = Assert.Throws<DefinitionException>(() => ReturnDefinitionLoader.Load(path));
        Assert.Contains(error.Problems, p => p.Contains("“ghost”", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("“b”", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fund_project_matching_definition_declares_its_ledger_and_checks()
    {
        var table = FundLedgers.Projects;
        Assert.Equal("projects", table.Code);
        Assert.Equal(10, table.Columns.Count);
        Assert.True(table.FindColumn("project_id")!.Unique);
        Assert.Equal(new DetailCondition("started", "是"), table.FindColumn("start_date")!.RequiredWhen);
        Assert.Equal(["产业发展", "基础设施", "就业帮扶", "其他"], table.FindColumn("project_type")!.Allowed);
        Assert.Equal([DetailCheckKind.Sum, DetailCheckKind.Sum, DetailCheckKind.RowCount, DetailCheckKind.CountWhere, DetailCheckKind.CountWhere], table.Checks.Select(c => c.Kind));
        Assert.Equal(0.01m, table.Checks[0].Tolerance);
        Assert.Equal(ProgressBasis.Year, SampleReturn.Fund.Definition.Indicators.Single(i => i.Code == "spend_progress").Progress);
    }

    [Fact]
    public void A_ledger_naming_missing_columns_and_fields_is_a_definition_error()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bad.json");
        File.WriteAllText(path, """
            { "code": "x", "version": "1", "title": "t", "sections": [ { "code": "s", "title": "s",
              "fields": [ { "code": "n", "label": "N", "kind": "count" } ] } ],
              "details": [ { "code": "d", "title": "台账", "columns": [
                  { "code": "flag", "label": "F", "kind": "yesno" },
                  { "code": "when", "label": "W", "kind": "date", "requiredWhen": { "flag": "也许" } },
                  { "code": "kind", "label": "K", "kind": "choice" } ],
                "checks": [ { "kind": "sum", "column": "ghost", "field": "n" }, { "kind": "rowCount", "field": "nope", "diagnostic": "RPT040" }, { "kind": "countWhere", "field": "n" } ] } ] }
            """);
        var error = Assert.Throws<DefinitionException>(() => ReturnDefinitionLoader.Load(path));
        Assert.Contains(error.Problems, p => p.Contains("也许", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("choices", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("“ghost”", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("“nope”", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("where", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("“RPT040”不是台账核对的代码", StringComparison.Ordinal));
    }
}
