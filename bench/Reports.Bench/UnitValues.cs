using System.Globalization;

namespace Reports.Bench;

/// <summary>What is wrong with a unit's return, as real inboxes have: most are clean.</summary>
public enum Fault
{
    None,
    /// <summary>省外务工人数 larger than 务工总人数: a rule error, the return is rejected.</summary>
    RuleError,
    /// <summary>A count typed as text ("9216" in a text cell): a warning, the value is still read.</summary>
    NumberAsText,
    /// <summary>The unit sent nothing.</summary>
    Missing,
}

/// <summary>
/// Plausible values of a campaign-5plus1 return for one unit, drawn from a generator seeded by the unit's index
/// alone, so a unit's return is the same whatever N and whatever order the returns are made in. The scale follows
/// the 长治市 sample (a county of ~8,000 workers), times a size factor between 0.25 and 4.
/// </summary>
public static class UnitValues
{
    /// <summary>The field written as text in a <see cref="Fault.NumberAsText"/> return.</summary>
    public const string TextField = "household_visits";

    private static readonly string[] Clerks = ["王丽", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴刚"];

    public static (Fault Fault, Dictionary<string, string> Values) Draw(int seed, int index)
    {
        // Not HashCode.Combine: it is salted per process. A seeded Random is the same sequence on every run.
        var random = new Random(unchecked(seed * 1_000_003 + index) & int.MaxValue);
        var roll = random.NextDouble();
        var fault = roll < 0.02 ? Fault.RuleError : roll < 0.04 ? Fault.NumberAsText : roll < 0.05 ? Fault.Missing : Fault.None;
        var size = Math.Exp((random.NextDouble() * 2 - 1) * Math.Log(4)); // log-uniform in [0.25, 4]

        double Between(double low, double high) => low + random.NextDouble() * (high - low);
        long Count(double around) => (long)Math.Round(around * size * Between(0.8, 1.2));
        long Share(long of, double low, double high) => (long)Math.Floor(of * Between(low, high));
        decimal Amount(double around) => Math.Round((decimal)(around * size * Between(0.8, 1.2)), 2);
        decimal AmountShare(decimal of, double low, double high) => Math.Round(of * (decimal)Between(low, high), 2, MidpointRounding.ToZero);

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var empPrev = Count(8300);
        var emp = (long)Math.Round(empPrev * Between(0.95, 1.12));
        var outsidePrev = Share(empPrev, 0.1, 0.2);
        values["emp_total"] = emp;
        values["emp_total_prev"] = empPrev;
        values["emp_outside"] = fault == Fault.RuleError ? emp + 1 + random.Next(50) : Math.Min(emp, (long)Math.Round(outsidePrev * Between(0.95, 1.25)));
        values["emp_outside_prev"] = outsidePrev;
        var library = Count(280);
        var planned = Share(library, 0.4, 0.6);
        values["proj_library"] = library;
        values["proj_planned"] = planned;
        values["proj_started"] = Share(planned, 0.85, 1.0);
        var invested = Amount(9400);
        values["fund_invested"] = invested;
        values["fund_matched"] = AmountShare(invested, 0.9, 1.0);
        // 户均 3.5–5万元: a clean return stays within the must-explain 5万元 a household (the peer knows only the ≤ rules).
        var loan = Amount(2150);
        values["loan_households"] = (long)Math.Ceiling(loan / (decimal)Between(3.5, 5.0));
        values["loan_amount"] = loan;
        values["loan_target_campaign"] = Math.Round(loan / (decimal)Between(0.8, 1.4));
        values["loan_target_annual"] = Math.Round(loan / (decimal)Between(0.45, 0.75));
        var cadres = Count(240);
        values["cadre_total"] = cadres;
        values["cadre_trained"] = Share(cadres, 0.9, 1.0);
        values["training_sessions"] = Count(23);
        values["training_attendance"] = Count(1900);
        values["publicity_events"] = Count(280);
        values["publicity_reach"] = Count(55000);
        values["sales_stock"] = Amount(190);
        values["sales_orders"] = Amount(600);
        values["sales_fairs"] = Amount(26);
        values["sales_target"] = Math.Round(Amount(820));
        values["policies_created"] = 1 + random.Next(15);
        var found = Count(40);
        values["issues_found"] = found;
        values["issues_fixed"] = Share(found, 0.7, 1.0);
        values["dept_self_checks"] = Count(80);
        values["household_visits"] = Count(15000);
        values["remarks"] = "";
        values["filled_by"] = Clerks[random.Next(Clerks.Length)];
        values["phone"] = $"0355-{2000000 + random.Next(1000000)}";

        var texts = values.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
        return (fault, texts);
    }
}
