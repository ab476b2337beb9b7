using System.Reflection;
using System.Reflection.Emit;
using Reports.Outputs.Receipts;
using Reports.Outputs.Spreadsheet;
using Reports.Outputs.Workbook;
using Reports.Templates;

namespace Reports.Tests.Architecture;

/// <summary>
/// Receipts (thousands a run) and the consolidated workbook (hundreds of thousands of rows) are written by the
/// package's own streaming writer: no type that writes them (nor any lambda or iterator the compiler made inside one)
/// refers to EPPlus — not in a signature, a field, nor in the IL of a method body. The same scan finds EPPlus in the
/// template generator (county templates, where EPPlus's defined names and validation are what is needed), so it can fail.
/// </summary>
public sealed class StreamingOutputsDoNotUseEpplusTests
{
    private const string Epplus = "EPPlus";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Theory]
    [InlineData(typeof(ReceiptWriter))]
    [InlineData(typeof(SpreadsheetPackage))]
    [InlineData(typeof(ConsolidatedWorkbookWriter))]
    public void The_namespaces_of_the_receipts_the_workbook_and_their_writer_never_reach_EPPlus(Type anchor)
    {
        var types = anchor.Assembly.GetTypes().Where(t => t.Namespace == anchor.Namespace).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, type => Assert.Empty(EpplusUses(type)));
    }

    [Fact]
    public void The_scan_finds_EPPlus_where_it_is_used()
    {
        Assert.NotEmpty(typeof(TemplateGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TemplateGenerator).Namespace).SelectMany(EpplusUses));
    }

    /// <summary>Every member or type from EPPlus that <paramref name="type"/> names in its signatures or the IL of its bodies.</summary>
    private static IEnumerable<string> EpplusUses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).ToList();
        foreach (var method in methods)
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }
        }
        var uses = named.OfType<Type>().Where(FromEpplus).Select(t => $"{type.FullName}: {t.FullName}").ToList();
        foreach (var method in methods)
        {
            uses.AddRange(Referenced(method).Where(m => FromEpplus(m as Type ?? m.DeclaringType)).Select(m => $"{type.FullName}.{method.Name}: {m}"));
        }
        return uses;
    }

    private static bool FromEpplus(Type? type) =>
        type is not null && (type.Assembly.GetName().Name == Epplus || (type.IsGenericType && type.GetGenericArguments().Any(FromEpplus)) || (type.HasElementType && FromEpplus(type.GetElementType())));

    /// <summary>The methods, fields and types a method body's IL refers to, its instructions decoded one by one.</summary>
    private static IEnumerable<MemberInfo> Referenced(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var code = OpCodesByValue[value];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if (member is not null)
                    {
                        yield return member;
                    }
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
