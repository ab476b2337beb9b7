using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reports.Access;

namespace Reports.Desk;

/// <summary>
/// <c>Authorization: Bearer &lt;code&gt;</c>: the code is verified on every request (the codes service caches, and a
/// revoked code fails at once). The code itself is never logged, audited or echoed.
/// </summary>
internal sealed class CodeAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, DeskLedger desk)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string Name = "Code";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var holder = desk.Options.Codes.Verify(header["Bearer ".Length..].Trim());
        return Task.FromResult(holder is null
            ? AuthenticateResult.Fail("unknown code")
            : AuthenticateResult.Success(new AuthenticationTicket(DeskClaims.Principal(holder, Name), Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        DeskResponses.Refuse(Context, desk.Options.Audit, 401, "报送码无效、已停用或未提供：请核对报送码，或向市级索取新的报送码");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        DeskResponses.Refuse(Context, desk.Options.Audit, 403, "此报送码无权进行该操作");
}

/// <summary>Who a request speaks for, as claims: the unit, its name, the role; a cookie session also carries its code (encrypted) to be verified again on each request.</summary>
internal static class DeskClaims
{
    public const string Unit = "reports:unit";
    public const string Code = "reports:code";

    public static ClaimsPrincipal Principal(CodeHolder holder, string scheme, string? code = null)
    {
        List<Claim> claims =
        [
            new(Unit, holder.Unit),
            new(ClaimTypes.Name, holder.Name),
            new(ClaimTypes.Role, holder.Role == CodeRole.Office ? "office" : "county"),
            new(ClaimTypes.NameIdentifier, holder.Unit),
        ];
        if (code is not null)
        {
            claims.Add(new Claim(Code, code));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static CodeHolder? Holder(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(Unit) is { } unit
            ? new CodeHolder(unit, user.FindFirstValue(ClaimTypes.Name) ?? unit, user.IsInRole("office") ? CodeRole.Office : CodeRole.County)
            : null;
}
