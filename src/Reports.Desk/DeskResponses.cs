using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reports.Access;

namespace Reports.Desk;

/// <summary>The desk's refusals: every error body is <c>{ "error": "&lt;Chinese message&gt;" }</c>, and every refusal is a row of the audit.</summary>
internal static class DeskResponses
{
    public static async Task Refuse(HttpContext context, DeskAudit audit, int status, string message)
    {
        audit.Record("refused", DeskClaims.Holder(context.User)?.Unit, Address(context),
            $"{status} {context.Request.Method} {context.Request.Path}: {message}");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Error(message));
    }

    public static string Error(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }, Json);

    public static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>UTF-8 as it is (Chinese unescaped), still safe inside HTML.</summary>
    public static JsonSerializerOptions Json { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
