using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Reports.Desk;

/// <summary>The pages' HTML: every text HTML-encoded (Chinese left as it is), one layout, one stylesheet served by the desk.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Any text, county text above all, made safe inside an element or an attribute.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    public static string Page(string title, string body)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<link rel=\"stylesheet\" href=\"/desk.css\">\n</head>\n<body>\n")
            .Append(body)
            .Append("\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The stylesheet: system fonts only (nothing fetched), tables that print on A4.</summary>
    public const string Stylesheet = """
        @page { size: A4; margin: 15mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun", sans-serif;
               font-size: 15px; line-height: 1.5; color: #1a1a1a; background: #f4f5f7; margin: 0; }
        header { background: #9b1c1c; color: #fff; padding: 12px 24px; display: flex; justify-content: space-between; align-items: center; }
        header h1 { font-size: 20px; margin: 0; font-weight: 600; }
        header form { margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 32px; }
        section { background: #fff; border: 1px solid #d8dbe0; border-radius: 4px; padding: 14px 18px; margin: 14px 0; }
        h2 { font-size: 18px; margin: 0 0 10px; }
        h3 { font-size: 16px; margin: 14px 0 8px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; }
        th, td { border: 1px solid #b9bec7; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #e8ecf3; font-weight: 600; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; }
        td.mono, td.bad, td.warn { white-space: nowrap; }
        .ok { color: #17692b; font-weight: 600; }
        .bad { color: #b00020; font-weight: 600; }
        .warn { color: #8a5a00; font-weight: 600; }
        .muted { color: #5b6270; }
        .notice { border-left: 4px solid #9b1c1c; padding: 8px 12px; background: #fff6f6; }
        .signin { max-width: 460px; margin: 60px auto; }
        label { display: block; margin: 8px 0 4px; font-weight: 600; }
        input[type=password], input[type=file] { width: 100%; padding: 8px; font-size: 16px; border: 1px solid #9aa1ad; border-radius: 3px; background: #fff; }
        button, .button { display: inline-block; margin-top: 10px; padding: 7px 18px; font-size: 15px; border: 1px solid #7a1515;
                          background: #9b1c1c; color: #fff; border-radius: 3px; cursor: pointer; text-decoration: none; }
        header button { background: transparent; border-color: #fff; margin: 0; }
        a { color: #0b4f9c; }
        ul.chase { margin: 4px 0; padding-left: 20px; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          header { background: #fff; color: #000; border-bottom: 2px solid #000; padding: 0 0 6px; }
          header form, form.upload, .noprint { display: none; }
          main { max-width: none; padding: 0; }
          section { border: none; padding: 0; margin: 10px 0; break-inside: avoid-page; }
          th { background: #eee; }
          a { color: #000; text-decoration: none; }
          tr { break-inside: avoid; }
        }
        """;
}
