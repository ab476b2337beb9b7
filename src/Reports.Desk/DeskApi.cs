using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reports.Access;
using Reports.Diagnostics;
using Reports.Outputs;

namespace Reports.Desk;

/// <summary>
/// The HTTP API of the contract (JSON, UTF-8, messages in Chinese): who am I, hand in a return, fetch a receipt, the
/// period's reporting. The pages use the same handlers.
/// </summary>
public static class DeskApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Microsoft.AspNetCore.Http.Results.Text("ok", "text/plain"));
        endpoints.MapGet("/api/v1/me", (HttpContext context) =>
        {
            var who = DeskClaims.Holder(context.User)!;
            return Json(context, w =>
            {
                w.WriteString("unit", who.Unit);
                w.WriteString("name", who.Name);
                w.WriteString("role", who.Role == CodeRole.Office ? "office" : "county");
            });
        }).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapPost("/api/v1/returns", async context =>
        {
            // A browser's session must prove the form is ours; a bearer code is no ambient credential.
            if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme && !await DeskApp.Antiforgery(context))
            {
                return;
            }
            if (await Upload(context) is { } verdict)
            {
                await Json(context, w => WriteVerdict(w, verdict, context.RequestServices.GetRequiredService<DeskOptions>().Clock));
            }
        }).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapGet("/api/v1/receipts/{sha256}", Receipt).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
        endpoints.MapGet("/api/v1/status", Status).RequireAuthorization().RequireRateLimiting(DeskApp.RequestLimit);
    }

    /// <summary>
    /// Takes the multipart field <c>file</c> of a county's request into the ledger and returns the verdict; null when the
    /// request was refused (the office; no file; over intake's byte cap, 413), the refusal written and audited.
    /// </summary>
    internal static async Task<DeskVerdict?> Upload(HttpContext context)
    {
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var options = desk.Options;
        var who = DeskClaims.Holder(context.User)!;
        if (who.Role != CodeRole.County)
        {
            await DeskResponses.Refuse(context, options.Audit, 403, "市级的报送码不能报送报表：报表由各单位用自己的报送码上传");
            return null;
        }
        var tooLarge = $"文件超过了 {Megabytes(options.MaxUploadBytes)} 的上限，未接收";
        if (context.Request.ContentLength > options.MaxUploadBytes + DeskApp.FormOverhead)
        {
            await DeskResponses.Refuse(context, options.Audit, 413, tooLarge);
            return null;
        }
        if (!context.Request.HasFormContentType)
        {
            await DeskResponses.Refuse(context, options.Audit, 400, "请以 multipart/form-data 上传，文件放在字段 file 中");
            return null;
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // The form's limits (MultipartBodyLengthLimit is intake's cap): a file part larger than intake would read.
            await DeskResponses.Refuse(context, options.Audit, 413, tooLarge);
            return null;
        }
        catch (BadHttpRequestException problem) when (problem.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await DeskResponses.Refuse(context, options.Audit, 413, tooLarge);
            return null;
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            await DeskResponses.Refuse(context, options.Audit, 400, "没有收到文件：请选择要报送的报表文件（字段 file）");
            return null;
        }
        if (file.Length > options.MaxUploadBytes)
        {
            await DeskResponses.Refuse(context, options.Audit, 413, tooLarge);
            return null;
        }
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, context.RequestAborted);
        }
        var verdict = await desk.ReceiveAsync(who, bytes, file.FileName, context.RequestAborted);
        options.Audit.Record("upload", who.Unit, DeskResponses.Address(context),
            $"{verdict.Return} {verdict.Period} SHA-256 {verdict.Sha256} {verdict.Status}，{bytes.Length} 字节");
        return verdict;
    }

    private static async Task Receipt(HttpContext context)
    {
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var sha256 = context.GetRouteValue("sha256") as string ?? "";
        var found = IsSha256(sha256) ? desk.Receipt(DeskClaims.Holder(context.User)!, sha256) : null;
        if (found is not { } receipt)
        {
            // Someone else's receipt is as absent as one that never was.
            await DeskResponses.Refuse(context, desk.Options.Audit, 404, "没有这份回执");
            return;
        }
        await Microsoft.AspNetCore.Http.Results.File(receipt.Bytes, XlsxType, receipt.Name).ExecuteAsync(context);
    }

    private static async Task Status(HttpContext context)
    {
        var desk = context.RequestServices.GetRequiredService<DeskLedger>();
        var options = desk.Options;
        if (DeskClaims.Holder(context.User)!.Role != CodeRole.Office)
        {
            await DeskResponses.Refuse(context, options.Audit, 403, "报送情况只对市级开放");
            return;
        }
        var asked = context.Request.Query["return"].ToString();
        var definition = asked.Length == 0 ? options.Returns[0] : options.Returns.FirstOrDefault(d => d.Code == asked);
        var period = context.Request.Query["period"].ToString();
        if (definition is null || (period.Length > 0 && period != options.Period.ToString()))
        {
            await DeskResponses.Refuse(context, options.Audit, 404,
                $"报送台开放的是 {string.Join("、", options.Returns.Select(d => d.Code))} {options.Period}，没有 {(asked.Length == 0 ? options.Returns[0].Code : asked)} {period}");
            return;
        }
        var view = desk.View(definition);
        await Json(context, w =>
        {
            SummaryJsonWriter.WriteReporting(w, view.Overview.Rates);
            w.WriteStartArray("units");
            foreach (var unit in view.Overview.Units)
            {
                w.WriteStartObject();
                w.WriteString("code", unit.Unit.Code);
                w.WriteString("name", unit.Unit.Name);
                w.WriteString("status", unit.Status.ToString().ToLowerInvariant());
                // A unit with nothing that counts has no version to name (a file claiming it that failed its identity is its sender's).
                var counted = unit.Status != Merge.UnitStatus.Missing;
                Nullable(w, "sha256", counted ? unit.Sha256 : null);
                Nullable(w, "receivedAt", counted && unit.ReceivedAt is { } at ? Time(at, options.Clock) : null);
                if (counted && unit.OnTime is { } onTime)
                {
                    w.WriteBoolean("onTime", onTime);
                }
                else
                {
                    w.WriteNull("onTime");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>The verdict exactly as the contract writes it.</summary>
    internal static void WriteVerdict(Utf8JsonWriter w, DeskVerdict verdict, TimeProvider clock)
    {
        w.WriteString("unit", verdict.Unit);
        w.WriteString("return", verdict.Return);
        w.WriteString("period", verdict.Period);
        w.WriteString("sha256", verdict.Sha256);
        w.WriteString("receivedAt", Time(verdict.ReceivedAt, clock));
        w.WriteString("status", verdict.Status);
        if (verdict.OnTime is { } onTime)
        {
            w.WriteBoolean("onTime", onTime);
        }
        else
        {
            w.WriteNull("onTime");
        }
        w.WriteStartArray("diagnostics");
        foreach (var d in verdict.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            Nullable(w, "sheet", d.Sheet);
            Nullable(w, "cell", d.Cell);
            Nullable(w, "field", d.Field);
            Nullable(w, "todo", DiagnosticCatalog.Find(d.Code)?.Advice);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("receipt", verdict.Receipt);
    }

    /// <summary>A time in the server's zone, ISO 8601 with its offset.</summary>
    internal static string Time(DateTimeOffset at, TimeProvider clock) =>
        at.ToOffset(clock.LocalTimeZone.GetUtcOffset(at.UtcDateTime)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static bool IsSha256(string text) => text.Length == 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    internal static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static async Task Json(HttpContext context, Action<Utf8JsonWriter> body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = DeskResponses.Json.Encoder, Indented = false }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.ToArray());
    }
}
