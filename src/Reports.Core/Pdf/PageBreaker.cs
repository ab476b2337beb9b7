namespace Reports.Pdf;

internal readonly record struct PlacedFragment(Fragment Fragment, float Y);

/// <summary>
/// Distributes fragments over pages of a given body height:
/// a chain of <see cref="Fragment.KeepWithNext"/> fragments (heading + first line, caption + table header + first row)
/// moves to the next page as a whole when it does not fit; white space is dropped at page tops;
/// a fragment with a <see cref="Fragment.RepeatHeader"/> that starts a page gets the header drawn above it; a chart
/// that would move to the next page is drawn smaller instead when it can be (<see cref="Fragment.ShrinkTo"/>), so a
/// page is not left a third empty.
/// </summary>
internal static class PageBreaker
{
    private const float Epsilon = 0.01f;

    public static List<List<PlacedFragment>> Paginate(IReadOnlyList<Fragment> laidOut, float bodyHeight)
    {
        var fragments = laidOut.ToList(); // a chart may be replaced by a smaller drawing of itself
        var pages = new List<List<PlacedFragment>>();
        var current = new List<PlacedFragment>();
        float y = 0;

        void NewPage()
        {
            pages.Add(current);
            current = new List<PlacedFragment>();
            y = 0;
        }

        void Place(Fragment f)
        {
            if (f is PageBreakFragment)
            {
                if (current.Count > 0)
                {
                    NewPage();
                }
                return;
            }

            if (f.DiscardAtPageTop && current.Count == 0)
            {
                return;
            }
            if (current.Count > 0 && y + f.Height > bodyHeight + Epsilon && f.ShrinkTo(bodyHeight - y) is { } smaller)
            {
                f = smaller;
            }
            if (current.Count > 0 && y + f.Height > bodyHeight + Epsilon)
            {
                NewPage();
                if (f.DiscardAtPageTop)
                {
                    return;
                }
            }

            if (current.Count == 0 && f.RepeatHeader is { } header)
            {
                current.Add(new PlacedFragment(header, y));
                y += header.Height;
            }

            current.Add(new PlacedFragment(f, y));
            y += f.Height;
        }

        var i = 0;
        while (i < fragments.Count)
        {
            // The keep-together group: fragments chained by KeepWithNext (white space inside a chain continues it).
            var j = i;
            var keep = fragments[i].KeepWithNext;
            while (keep && j + 1 < fragments.Count)
            {
                j++;
                keep = fragments[j].KeepWithNext || fragments[j].DiscardAtPageTop;
            }

            if (j > i && current.Count > 0)
            {
                var needed = GroupHeight(fragments, i, j, atPageTop: false);
                var onFreshPage = GroupHeight(fragments, i, j, atPageTop: true);
                if (y + needed > bodyHeight + Epsilon && onFreshPage <= bodyHeight + Epsilon)
                {
                    // A chart closing the group is drawn smaller to finish this page when it can be.
                    if (fragments[j].ShrinkTo(bodyHeight - y - (needed - fragments[j].Height)) is { } smaller)
                    {
                        fragments[j] = smaller;
                    }
                    else
                    {
                        NewPage();
                    }
                }
            }

            for (var k = i; k <= j; k++)
            {
                Place(fragments[k]);
            }
            i = j + 1;
        }

        if (current.Count > 0 || pages.Count == 0)
        {
            pages.Add(current);
        }
        foreach (var page in pages)
        {
            if (page.Count > 0 && page[^1].Fragment.PinToPageFoot)
            {
                page[^1] = page[^1] with { Y = Math.Max(page[^1].Y, bodyHeight - page[^1].Fragment.Height) };
            }
        }

        return pages;
    }

    private static float GroupHeight(IReadOnlyList<Fragment> fragments, int from, int to, bool atPageTop)
    {
        float h = 0;
        var leading = atPageTop;
        for (var k = from; k <= to; k++)
        {
            var f = fragments[k];
            if (leading && f.DiscardAtPageTop)
            {
                continue;
            }
            if (leading && f.RepeatHeader is { } header)
            {
                h += header.Height;
            }
            leading = false;
            h += f.Height;
        }

        return h;
    }
}
