using SkiaSharp;

namespace Reports.Pdf;

/// <summary>An unbreakable horizontal slice of the laid-out document (a text line, a table row, the masthead...).
/// The page breaker stacks fragments; each draws itself at a given top-left corner.</summary>
internal abstract class Fragment
{
    public abstract float Height { get; }

    /// <summary>Must be on the same page as the following fragment (headings, captions, table header).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Drawn first when this fragment starts a new page (the header row of a table).</summary>
    public Fragment? RepeatHeader { get; init; }

    /// <summary>Set at the foot of its page when it is the page's last fragment (报尾).</summary>
    public bool PinToPageFoot { get; init; }

    /// <summary>White space that is dropped when it would start a page.</summary>
    public virtual bool DiscardAtPageTop => false;

    public abstract void Draw(SKCanvas canvas, float x, float y, float width);

    /// <summary>This fragment drawn at most <paramref name="height"/> tall, or null when it cannot be made that small
    /// (only a chart can: it is drawn to any size down to a minimum).</summary>
    public virtual Fragment? ShrinkTo(float height) => null;
}

internal sealed class SpaceFragment(float height) : Fragment
{
    public override float Height => height;
    public override bool DiscardAtPageTop => true;
    public override void Draw(SKCanvas canvas, float x, float y, float width) { }
}

/// <summary>Ends the page (unless it is empty); takes no room.</summary>
internal sealed class PageBreakFragment : Fragment
{
    public override float Height => 0;
    public override void Draw(SKCanvas canvas, float x, float y, float width) { }
}

/// <summary>One line of text in a line box of fixed height.</summary>
internal sealed class TextLineFragment(string text, TextFont font, SKColor color, float lineHeight) : Fragment
{
    public string Text => text;
    public PdfAlign Align { get; init; } = PdfAlign.Left;
    public float Indent { get; init; }
    public bool Justify { get; init; }
    public float LetterSpacing { get; init; }
    public override float Height => lineHeight;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var baseline = TextPainter.Baseline(y, lineHeight, font.Size);
        var available = width - Indent;
        var textWidth = TextPainter.Measure(font, text, LetterSpacing);
        var left = Align switch
        {
            PdfAlign.Center => x + Indent + (available - textWidth) / 2f,
            PdfAlign.Right => x + width - textWidth,
            _ => x + Indent,
        };
        TextPainter.DrawLine(canvas, text, font, color, left, baseline, Justify ? available : 0, LetterSpacing);
    }
}
