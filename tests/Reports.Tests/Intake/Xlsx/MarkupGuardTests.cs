using Reports.Intake.Xlsx;

namespace Reports.Tests.Intake.Xlsx;

/// <summary>The markup guard, which follows stretches with a vectorised search, refuses exactly what a byte-by-byte count refuses, however the bytes are split.</summary>
public sealed class MarkupGuardTests
{
    [Fact]
    public void The_guard_refuses_what_a_byte_by_byte_count_refuses_whatever_the_chunks()
    {
        var random = new Random(20261207);
        var alphabet = "<>\"'!?a b="u8.ToArray();
        var refused = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var bytes = new byte[random.Next(0, 120)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }
            var limit = random.Next(1, 24);
            var expected = ByteByByte(bytes, limit);
            string? actual = null;
            try
            {
                var guard = new MarkupGuard("p", limit);
                var at = 0;
                while (at < bytes.Length)
                {
                    var size = Math.Min(bytes.Length - at, random.Next(1, 40));
                    guard.Scan(bytes.AsSpan(at, size));
                    at += size;
                }
            }
            catch (XlsxProblemException problem)
            {
                actual = problem.Problem.Detail;
            }
            Assert.True(expected == actual, $"{System.Text.Encoding.ASCII.GetString(bytes)} (limit {limit}): expected {expected ?? "accepted"}, got {actual ?? "accepted"}");
            refused += expected is null ? 0 : 1;
        }
        Assert.InRange(refused, 1000, 19_000); // both verdicts were exercised
    }

    /// <summary>The count as it was first written, one byte at a time: the reference.</summary>
    private static string? ByteByByte(byte[] bytes, int max)
    {
        const int text = 0, open = 1, tag = 2, quoted = 3, declaration = 4;
        var state = text;
        byte quote = 0;
        var run = 0;
        foreach (var b in bytes)
        {
            switch (state)
            {
                case text:
                    if (b == '<')
                    {
                        state = open;
                        run = 1;
                        continue;
                    }
                    break;
                case open:
                    state = b is (byte)'!' or (byte)'?' ? declaration : b == '>' ? text : tag;
                    if (state == text)
                    {
                        run = 0;
                        continue;
                    }
                    break;
                case tag:
                    if (b == '>')
                    {
                        state = text;
                        run = 0;
                        continue;
                    }
                    if (b is (byte)'"' or (byte)'\'')
                    {
                        quote = b;
                        state = quoted;
                    }
                    break;
                case quoted:
                    if (b == quote)
                    {
                        state = tag;
                    }
                    break;
                default:
                    if (b == '>')
                    {
                        state = text;
                        run = 0;
                    }
                    continue;
            }
            if (++run > max)
            {
                return state == text ? $"部件 p 中有一段文字超过 {max} 字节" : $"部件 p 中有一个标记（元素及其属性）超过 {max} 字节";
            }
        }
        return null;
    }
}
