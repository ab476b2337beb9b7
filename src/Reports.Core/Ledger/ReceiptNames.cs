using System.Security.Cryptography;
using System.Text;

namespace Reports.Ledger;

/// <summary>
/// Receipt file names: "回执-", the county's file name (its ".xlsx" dropped and any other extension kept, so
/// "990003.xls" and "990003.xlsx" get different receipts) and the first 8 hex digits of the version's SHA-256 — a
/// receipt is a record of one version, and a corrected file sent under the same name gets a receipt of its own,
/// never overwriting what the county was told before — at most <see cref="MaxBytes"/> UTF-8 bytes, and unique
/// within one folder even on a case-insensitive file system. A control character (ESC, a newline …), a bidi override
/// or a lone surrogate in the county's name becomes "_" in the receipt's, which then carries a hash of the county's
/// name too, so two names that differ only there still get two receipts, the same ones every run.
/// A self-check (validate) names no version: "自查-" and the name.
/// </summary>
public static class ReceiptNames
{
    /// <summary>Well under the 255 bytes file systems allow a name, leaving room for the ".tmp" of a file being written.</summary>
    public const int MaxBytes = 150;

    private const string Prefix = "回执-";
    /// <summary>A county's self-check (validate) is no receipt of reception, and its name says so.</summary>
    private const string SelfCheckPrefix = "自查-";
    private const string Extension = ".xlsx";
    /// <summary>Bytes kept free for the "-2", "-3" … that tells apart names equal but for case or folder.</summary>
    private const int OrdinalRoom = 8;
    /// <summary>"-" and 8 hex digits of the county's file name's hash, added to a shortened name to keep it unique.</summary>
    private const int HashLength = 9;

    /// <summary>Hex digits of the version's SHA-256 a receipt's name carries.</summary>
    public const int VersionDigits = 8;

    /// <summary>
    /// "回执-140403-潞州区-campaign-5plus1-2022-06-1a2b3c4d.xlsx", "回执-990003.xls-1a2b3c4d.xlsx" (no hash for a file that
    /// could not be read); "自查-….xlsx" for a self-check; shortened with a hash of the name when long.
    /// </summary>
    public static string For(string file, string sha256, bool selfCheck = false)
    {
        var prefix = selfCheck ? SelfCheckPrefix : Prefix;
        var version = !selfCheck && sha256.Length >= VersionDigits ? "-" + sha256[..VersionDigits] : "";
        var name = Path.GetFileName(file);
        var (stem, replaced) = Visible(name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : name);
        var budget = MaxBytes - OrdinalRoom - Bytes(prefix) - Bytes(version) - Bytes(Extension);
        if (!replaced && Bytes(stem) <= budget)
        {
            return prefix + stem + version + Extension;
        }
        // Cut on a character boundary (never inside a UTF-8 sequence or a surrogate pair).
        var cut = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget - HashLength)
            {
                break;
            }
            cut.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..(HashLength - 1)];
        return $"{prefix}{cut}-{hash}{version}{Extension}";
    }

    /// <summary>The name with each control character, bidi override or lone surrogate as "_", and whether there was one.</summary>
    private static (string Text, bool Replaced) Visible(string text)
    {
        var visible = new StringBuilder(text.Length);
        var replaced = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                visible.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || Diagnostics.ShownText.Escaped(c))
            {
                visible.Append('_');
                replaced = true;
            }
            else
            {
                visible.Append(c);
            }
        }
        return (replaced ? visible.ToString() : text, replaced);
    }

    /// <summary>
    /// A name per file, in order, no two alike however the file system compares names: a name already given gets
    /// "-2", "-3" … (never one another file would have had), so no two receipts of one folder are written to one path.
    /// </summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<(string File, string Sha256)> files, bool selfCheck = false)
    {
        var wanted = files.Select(f => For(f.File, f.Sha256, selfCheck)).ToList();
        var reserved = wanted.Select(Key).ToHashSet(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(files.Count);
        foreach (var name in wanted)
        {
            var chosen = name;
            var ordinal = 1;
            while (!taken.Add(Key(chosen)))
            {
                do
                {
                    ordinal++;
                    chosen = $"{name[..^Extension.Length]}-{ordinal}{Extension}";
                }
                while (reserved.Contains(Key(chosen)));
            }
            names.Add(chosen);
        }
        return names;
    }

    /// <summary>Equal for names a case-insensitive (or normalising) file system takes for one.</summary>
    private static string Key(string name) => name.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
