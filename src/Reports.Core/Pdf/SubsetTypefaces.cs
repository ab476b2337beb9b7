using System.Collections.Concurrent;
using System.Security.Cryptography;
using SkiaSharp;

namespace Reports.Pdf;

/// <summary>
/// The subset typefaces of the documents rendered in this process, by the SHA-256 of their bytes, shared between
/// the text layer and ScottPlot. Skia embeds one font per typeface object, so the charts must draw with the very
/// typeface the text uses, or the PDF would carry the subset twice; and ScottPlot caches typefaces by name for
/// the life of the process, so these are never disposed (a subset is small, and identical subsets are shared).
/// </summary>
internal static class SubsetTypefaces
{
    private static readonly ConcurrentDictionary<string, SKTypeface> ByName = new(StringComparer.Ordinal);
    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    /// <summary>The typeface for a subset font's bytes and the name ScottPlot knows it by.</summary>
    public static (string Name, SKTypeface Typeface) Get(byte[] subset)
    {
        var name = "ReportsSubset-" + Convert.ToHexString(SHA256.HashData(subset), 0, 12);
        var typeface = ByName.GetOrAdd(name, _ =>
        {
            using var data = SKData.CreateCopy(subset);
            return SKTypeface.FromData(data, 0)
                ?? throw new InvalidOperationException("Skia 无法载入字体子集");
        });
        RegisterWithScottPlot();
        return (name, typeface);
    }

    /// <summary>Puts a resolver for these names first in ScottPlot's list, once, so a chart never asks the
    /// system's fontconfig for a font.</summary>
    private static void RegisterWithScottPlot()
    {
        lock (RegistrationLock)
        {
            if (_registered)
            {
                return;
            }
            ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
            _registered = true;
        }
    }

    private sealed class Resolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            ByName.GetValueOrDefault(fontName);

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            ByName.GetValueOrDefault(fontName);
    }
}
