using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reports.Access;
using Reports.Analysis;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Templates;
using Reports.Versions;
using static Reports.Desk.Html;

namespace Reports.Desk;

/// <summary>
/// The pages, server-rendered in Chinese: sign in with a code; the county's page (its returns for the open period,
/// their status, the prefilled template, the upload form, the verdict with every finding, receipts, the history of
/// its versions); the office's page (the reporting table, each unit's status, versions and receipts, the 催报 list).
/// No script: every form posts and the server answers with a page. Every form carries an antiforgery token.
/// </summary>
public static class DeskPages
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/desk.css", () => Microsoft.AspNetCore.Http.Results.Text(Stylesheet, "text/css; charset=utf-8"));
        endpoints.MapGet("/", (HttpContext context) => DeskClaims.Holder(context.User) is { } who
            ? SeeOther(context, who.Role == CodeRole.Office ? "/office" : "/county")
            : SignInPage(context, null, StatusCodes.Status200OK));
        endpoints.MapPost("/signin", SignIn).RequireRateLimiting(DeskApp.SignInLimit);
        endpoints.MapPost("/signout", async context =>
        {
            if (await DeskApp.Antiforgery(context))
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                await SeeOther(context, "/");
            }
        });
        endpoints.MapGet("/county", CountyPage).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapPost("/county/upload", async context =>
        {
            if (!await DeskApp.Antiforgery(context))
            {
                return;
            }
            if (await DeskApi.Upload(context) is { } verdict)
            {
                await SeeOther(context, $"/county?v={verdict.Sha256}&s={Uri.EscapeDataString(verdict.Status)}");
            }
        }).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapGet("/county/template", Template).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapGet("/office", OfficePage).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
    }

    private static async Task SignIn(HttpContext context)
    {
        if (!await DeskApp.Antiforgery(context))
        {
            return;
        }
        var options = context.RequestServices.GetRequiredService<DeskOptions>();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var code = form["code"].ToString().Trim();
        var holder = code.Length is > 0 and <= 200 ? options.Codes.Verify(code) : null;
        if (holder is null)
        {
            // The code typed is never recorded: only that a sign-in failed, and from where.
            options.Audit.Record("signin-refused", null, DeskResponses.Address(context), "报送码不正确或已停用");
            await SignInPage(context, "报送码不正确或已停用。请核对后重新输入；如已遗失，请向市级索取新的报送码。", StatusCodes.Status401Unauthorized);
            return;
        }
        options.Audit.Record("signin", holder.Unit, DeskResponses.Address(context), $"{holder.Name} 登录报送台");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DeskClaims.Principal(holder, CookieAuthenticationDefaults.AuthenticationScheme, code));
        await SeeOther(context, holder.Role == CodeRole.Office ? "/office" : "/county");
    }

    private static Task SignInPage(HttpContext context, string? problem, int status)
    {
        var options = context.RequestServices.GetRequiredService<DeskOptions>();
        var body = new StringBuilder();
        body.Append("<header><h1>").Append(E(options.Roster.Name)).Append(" 报表报送台</h1></header>\n<main>\n<section class=\"signin\">\n")
            .Append("<h2>登录</h2>\n<p>请输入市级发给本单位的报送码。报送码相当于密码，请勿外传。</p>\n");
        if (problem is not null)
        {
            body.Append("<p class=\"notice bad\">").Append(E(problem)).Append("</p>\n");
        }
        body.Append("<form method=\"post\" action=\"/signin\">\n").Append(Token(context))
            .Append("<label for=\"code\">报送码</label>\n<input id=\"code\" name=\"code\" type=\"password\" autocomplete=\"off\" required autofocus>\n")
            .Append("<button type=\"submit\">登录</button>\n</form>\n")
            .Append("<p class=\"muted\">本期开放：").Append(E(string.Join("、", options.Returns.Select(d => d.Title)))).Append("，报告期 ").Append(E(options.Period.ToString()))
            .Append(options.Deadline is { } due ? $"，截止时间 {E(Local(due, options.Clock))}" : "").Append("。</p>\n</section>\n</main>");
        return Write(context, Page("报表报送台 · 登录", body.ToString()), status);
    }

    private static Task CountyPage(HttpContext context)
    {
        var who = DeskClaims.Holder(context.User)!;
        if (who.Role == CodeRole.Office)
        {
            return SeeOther(context, "/office");
        }
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var options = desk.Options;
        var shown = context.Request.Query["v"].ToString();
        var body = new StringBuilder();
        body.Append(Header(context, $"{who.Name}（{who.Unit}）· {options.Period} 报表报送")).Append("<main>\n");
        var views = options.Returns.Select(desk.View).ToList();
        if (DeskApi.IsSha256(shown) && views.Select(v => (View: v, File: v.VersionsOf(who.Unit).FirstOrDefault(f => f.Sha256 == shown))).FirstOrDefault(p => p.File is not null) is { File: { } file } found)
        {
            Verdict(body, found.View, file, context.Request.Query["s"].ToString(), options);
        }
        foreach (var view in views)
        {
            var definition = view.Definition;
            var unit = view.Overview.Units.FirstOrDefault(u => u.Unit.Code == who.Unit);
            var versions = view.VersionsOf(who.Unit);
            body.Append("<section>\n<h2>").Append(E(definition.Title)).Append(" <span class=\"muted\">").Append(E(definition.Code)).Append(" · ").Append(E(options.Period.ToString())).Append("</span></h2>\n");
            body.Append("<p>本期状态：").Append(unit is null ? "<span class=\"bad\">本单位不在名册中</span>" : UnitWord(unit));
            if (unit?.ReceivedAt is { } at)
            {
                body.Append("；收到时间 ").Append(E(Local(at, options.Clock)));
            }
            if (unit?.OnTime is { } onTime)
            {
                body.Append(onTime ? "，<span class=\"ok\">按时</span>" : "，<span class=\"bad\">逾期</span>");
            }
            body.Append(options.Deadline is { } due ? $"。截止时间 {E(Local(due, options.Clock))}。" : "。").Append(view.Approved ? " 本期已由市级审定，此后报送的文件待审。" : "").Append("</p>\n");
            body.Append("<p class=\"noprint\"><a class=\"button\" href=\"/county/template?return=").Append(E(Uri.EscapeDataString(definition.Code)))
                .Append("\">下载空白模板</a> <span class=\"muted\">模板已填好本单位和报告期，请勿改动表中的名称和标识。</span></p>\n");
            body.Append("<form class=\"upload\" method=\"post\" action=\"/county/upload\" enctype=\"multipart/form-data\">\n").Append(Token(context))
                .Append("<label for=\"file-").Append(E(definition.Code)).Append("\">报送填好的报表（.xlsx，不超过 ").Append(E(DeskApi.Megabytes(options.MaxUploadBytes))).Append("）</label>\n")
                .Append("<input id=\"file-").Append(E(definition.Code)).Append("\" name=\"file\" type=\"file\" accept=\".xlsx,.xlsm\" required>\n")
                .Append("<button type=\"submit\">上传报送</button>\n</form>\n");
            body.Append("<h3>报送记录</h3>\n");
            if (versions.Count == 0)
            {
                body.Append("<p class=\"muted\">本期尚未报送。</p>\n");
            }
            else
            {
                body.Append("<table>\n<tr><th>收到时间</th><th>SHA-256</th><th>结果</th><th class=\"n\">错误</th><th class=\"n\">提醒</th><th class=\"noprint\">回执</th></tr>\n");
                foreach (var version in versions.AsEnumerable().Reverse())
                {
                    body.Append("<tr><td>").Append(E(version.ReceivedAt is { } received ? Local(received, options.Clock) : "")).Append("</td><td class=\"mono\">")
                        .Append(E(version.Sha256[..12])).Append("</td><td>").Append(VersionWord(view, version)).Append("</td><td class=\"n\">").Append(version.ErrorCount)
                        .Append("</td><td class=\"n\">").Append(version.WarningCount).Append("</td><td class=\"noprint\"><a href=\"/county?v=").Append(version.Sha256)
                        .Append("\">查看</a> · <a href=\"/api/v1/receipts/").Append(version.Sha256).Append("\">下载回执</a></td></tr>\n");
                }
                body.Append("</table>\n");
            }
            body.Append("</section>\n");
        }
        body.Append("</main>");
        return Write(context, Page($"{who.Name} · 报表报送", body.ToString()), StatusCodes.Status200OK);
    }

    /// <summary>The verdict on one version: its status, when received, every finding with its cell, message and what to do, and its receipt.</summary>
    private static void Verdict(StringBuilder body, DeskView view, DecidedVersion file, string said, DeskOptions options)
    {
        body.Append("<section>\n<h2>报送结果</h2>\n<p>");
        if (said == "duplicate")
        {
            body.Append("<span class=\"warn\">这份文件与已收到的版本完全相同，未作为新版本记录。</span><br>");
        }
        body.Append("结果：").Append(VersionWord(view, file)).Append("；收到时间 ").Append(E(file.ReceivedAt is { } at ? Local(at, options.Clock) : ""));
        if (options.Deadline is { } due && file.ReceivedAt is { } received)
        {
            body.Append(received <= due ? "（<span class=\"ok\">按时</span>）" : "（<span class=\"bad\">逾期</span>）");
        }
        body.Append("；SHA-256 <span class=\"mono\">").Append(E(file.Sha256)).Append("</span></p>\n");
        if (file.Diagnostics.Count == 0)
        {
            body.Append("<p class=\"ok\">没有发现问题。</p>\n");
        }
        else
        {
            body.Append("<table>\n<tr><th>级别</th><th>代码</th><th>位置</th><th>说明</th><th>怎么做</th></tr>\n");
            foreach (var d in file.Diagnostics)
            {
                var where = d.Sheet is null && d.Cell is null ? "" : d.Cell is null ? d.Sheet! : $"{d.Sheet}!{d.Cell}";
                body.Append("<tr><td class=\"").Append(d.IsError ? "bad" : d.Severity == DiagnosticSeverity.Warning ? "warn" : "muted").Append("\">")
                    .Append(E(DiagnosticCatalogDocument.SeverityName(d.Severity))).Append("</td><td class=\"mono\">").Append(E(d.Code)).Append("</td><td class=\"mono\">")
                    .Append(E(where)).Append("</td><td>").Append(E(d.Message)).Append("</td><td>").Append(E(DiagnosticCatalog.Find(d.Code)?.Advice)).Append("</td></tr>\n");
            }
            body.Append("</table>\n");
        }
        body.Append("<p class=\"noprint\"><a class=\"button\" href=\"/api/v1/receipts/").Append(file.Sha256).Append("\">下载回执</a></p>\n</section>\n");
    }

    private static Task OfficePage(HttpContext context)
    {
        var who = DeskClaims.Holder(context.User)!;
        if (who.Role != CodeRole.Office)
        {
            return SeeOther(context, "/county");
        }
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var options = desk.Options;
        var body = new StringBuilder();
        body.Append(Header(context, $"{options.Roster.Name} · {options.Period} 报送情况")).Append("<main>\n");
        foreach (var view in options.Returns.Select(desk.View))
        {
            var rates = view.Overview.Rates;
            body.Append("<section>\n<h2>").Append(E(view.Definition.Title)).Append(" <span class=\"muted\">").Append(E(view.Definition.Code)).Append(" · ").Append(E(options.Period.ToString())).Append("</span></h2>\n");
            body.Append("<table>\n<tr><th class=\"n\">应报</th><th class=\"n\">已报送</th><th class=\"n\">通过</th><th class=\"n\">退回</th><th class=\"n\">未报送</th><th class=\"n\">按时</th></tr>\n<tr>")
                .Append($"<td class=\"n\">{rates.Expected}</td><td class=\"n\">{rates.Received}（{E(Numbers.NumberStyle.Completion(rates.ReceivedRate))}）</td>")
                .Append($"<td class=\"n\">{rates.Accepted}（{E(Numbers.NumberStyle.Completion(rates.AcceptedRate))}）</td><td class=\"n\">{rates.SentBack}</td><td class=\"n\">{rates.Missing}</td>")
                .Append("<td class=\"n\">").Append(rates.OnTime is { } onTime ? $"{onTime}（{E(Numbers.NumberStyle.Completion(rates.OnTimeRate))}）" : "—").Append("</td></tr>\n</table>\n");
            body.Append("<p class=\"muted\">").Append(options.Deadline is { } due ? $"截止时间 {E(Local(due, options.Clock))}。" : "未设置截止时间，不判断是否逾期。")
                .Append(view.Approved ? "本期已审定。" : "").Append("</p>\n");
            var chase = view.Overview.Units.Where(u => u.Status != UnitStatus.Accepted || u.OnTime == false).ToList();
            body.Append("<h3>催报</h3>\n");
            if (chase.Count == 0)
            {
                body.Append("<p class=\"ok\">无需催报。</p>\n");
            }
            else
            {
                body.Append("<ul class=\"chase\">\n");
                foreach (var unit in chase)
                {
                    body.Append("<li>").Append(E(unit.Unit.Name)).Append("（").Append(E(unit.Unit.Code)).Append("）：")
                        .Append(unit.Status switch { UnitStatus.Missing => "未报送", UnitStatus.Rejected => "退回待改", _ => "逾期" }).Append("</li>\n");
                }
                body.Append("</ul>\n");
            }
            body.Append("<h3>各单位</h3>\n<table>\n<tr><th>单位代码</th><th>单位名称</th><th>报送情况</th><th>收到时间</th><th>是否按时</th><th class=\"n\">版本</th><th class=\"n\">错误</th><th>回执</th></tr>\n");
            foreach (var unit in view.Overview.Units)
            {
                var versions = view.VersionsOf(unit.Unit.Code);
                body.Append("<tr><td class=\"mono\">").Append(E(unit.Unit.Code)).Append("</td><td>").Append(E(unit.Unit.Name)).Append("</td><td>").Append(UnitWord(unit))
                    .Append("</td><td>").Append(E(unit.ReceivedAt is { } at ? Local(at, options.Clock) : "")).Append("</td><td>")
                    .Append(unit.OnTime switch { true => "<span class=\"ok\">按时</span>", false => "<span class=\"bad\">逾期</span>", null => "" })
                    .Append("</td><td class=\"n\">").Append(unit.Versions).Append("</td><td class=\"n\">").Append(unit.Errors).Append("</td><td class=\"mono\">");
                body.Append(string.Join(" ", versions.Select(v => $"<a href=\"/api/v1/receipts/{v.Sha256}\"{(v.Sha256 == unit.Sha256 ? " class=\"ok\"" : "")}>{v.Sha256[..8]}</a>")));
                body.Append("</td></tr>\n");
            }
            body.Append("</table>\n</section>\n");
        }
        body.Append("<p class=\"muted\">汇总、审定和重新开放仍在命令行进行：reports run、reports approve、reports reopen。</p>\n</main>");
        return Write(context, Page($"{options.Roster.Name} · 报送情况", body.ToString()), StatusCodes.Status200OK);
    }

    private static async Task Template(HttpContext context)
    {
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var options = desk.Options;
        var who = DeskClaims.Holder(context.User)!;
        var asked = context.Request.Query["return"].ToString();
        var definition = options.Returns.FirstOrDefault(d => d.Code == asked) ?? (asked.Length == 0 ? options.Returns[0] : null);
        if (who.Role != CodeRole.County || options.Roster.Find(who.Unit) is not { } unit || definition is null)
        {
            await DeskResponses.Refuse(context, options.Audit, 404, "没有这份模板");
            return;
        }
        var request = new TemplateRequest(definition, options.Period, unit);
        await Microsoft.AspNetCore.Http.Results.File(new TemplateGenerator(options.Clock).Generate(request), DeskApi.XlsxType, request.FileName).ExecuteAsync(context);
    }

    private static string Header(HttpContext context, string title) =>
        $"<header><h1>{E(title)}</h1><form method=\"post\" action=\"/signout\">{Token(context)}<button type=\"submit\">退出</button></form></header>\n";

    private static string Token(HttpContext context) =>
        $"<input type=\"hidden\" name=\"{DeskApp.AntiforgeryField}\" value=\"{E(context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken)}\">\n";

    private static string UnitWord(UnitSubmission unit) => unit.Status switch
    {
        UnitStatus.Accepted => "<span class=\"ok\">已报送（通过）</span>",
        UnitStatus.Rejected => "<span class=\"bad\">退回待改</span>",
        _ => "<span class=\"warn\">未报送</span>",
    } + (unit.Pending > 0 ? "（审定后又报送，待审）" : "");

    private static string VersionWord(DeskView view, DecidedVersion file) => file.Status switch
    {
        IntakeStatus.Accepted when view.Decision.IsChosen(file) => "<span class=\"ok\">通过（本期以此为准）</span>",
        IntakeStatus.Accepted => "<span class=\"ok\">通过</span>",
        IntakeStatus.Rejected => "<span class=\"bad\">退回</span>",
        IntakeStatus.Superseded => "<span class=\"muted\">已被更新的版本取代</span>",
        IntakeStatus.Duplicate => "<span class=\"muted\">与已收到的版本相同</span>",
        IntakeStatus.Pending => "<span class=\"warn\">待审（审定后收到，暂不计入）</span>",
        IntakeStatus.Withdrawn => "<span class=\"bad\">已被市级撤销</span>",
        _ => "<span class=\"muted\">未读取</span>",
    };

    private static string Local(DateTimeOffset at, TimeProvider clock) =>
        at.ToOffset(clock.LocalTimeZone.GetUtcOffset(at.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Task SeeOther(HttpContext context, string to)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    }

    private static Task Write(HttpContext context, string html, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }
}
