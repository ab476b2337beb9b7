using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reports.Desk;

/// <summary>
/// The reception desk as an ASP.NET Core application: its services (sign-in cookie and bearer codes, antiforgery, rate
/// limits, form limits) and its pipeline (security headers, rate limiter, authentication, the endpoints). A host
/// (<see cref="CreateHost"/>) is given its server by the caller: Kestrel for <c>reports serve</c>, the test server in tests.
/// </summary>
public static class DeskApp
{
    public const string CookieName = "reports-desk";
    public const string AntiforgeryField = "__af";
    public const string SignInLimit = "signin";
    public const string RequestLimit = "requests";

    /// <summary>Multipart framing around the file: a request may exceed the file's cap by this much, no more.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>The content security policy of every response: nothing inline, nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A host of the desk; <paramref name="server"/> chooses and sets up its server (Kestrel's endpoints, or the test server).</summary>
    public static IHostBuilder CreateHost(DeskOptions options, Action<IWebHostBuilder> server) =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            // Warnings and errors only; never a request's headers (a code is a header).
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error))
            // Ctrl-C or SIGTERM: requests in flight get a few seconds; the store's transaction is whole or absent anyway.
            .ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5)))
            .ConfigureWebHost(web =>
            {
                server(web);
                web.ConfigureServices(services => AddServices(services, options));
                web.Configure(Configure);
            });

    public static void AddServices(IServiceCollection services, DeskOptions options)
    {
        services.AddSingleton(options);
        // The sign-in cookies' keys live beside the store: sessions survive a restart of the desk, and go with the office's data.
        services.AddDataProtection().SetApplicationName("reports-desk")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.StorePath))!, "desk-keys")));
        services.AddSingleton<DeskLedger>();
        services.AddRouting();
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes;
            o.ValueCountLimit = 16;
        });
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = AntiforgeryField;
            o.Cookie.Name = "reports-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication("Desk")
            .AddPolicyScheme("Desk", "Desk", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? CodeAuthentication.Name : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CodeAuthentication>(CodeAuthentication.Name, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure under HTTPS
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // The code is verified again on every request: a revoked code ends its sessions at once.
                    OnValidatePrincipal = context =>
                    {
                        var code = context.Principal?.FindFirst(DeskClaims.Code)?.Value;
                        var holder = code is null ? null : options.Codes.Verify(code);
                        if (holder is null || holder.Unit != context.Principal!.FindFirst(DeskClaims.Unit)?.Value)
                        {
                            context.RejectPrincipal();
                            return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        }
                        return Task.CompletedTask;
                    },
                    OnRedirectToLogin = context => IsApi(context.Request)
                        ? DeskResponses.Refuse(context.HttpContext, options.Audit, 401, "报送码无效、已停用或未提供：请重新登录")
                        : Redirect(context.HttpContext, "/"),
                    OnRedirectToAccessDenied = context => DeskResponses.Refuse(context.HttpContext, options.Audit, 403, "此报送码无权进行该操作"),
                };
            });
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
                new ValueTask(DeskResponses.Refuse(context.HttpContext, options.Audit, 429, "请求过于频繁，请稍候一分钟再试"));
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter("signin:" + DeskResponses.Address(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RequestLimit, http => RateLimitPartition.GetFixedWindowLimiter(Requester(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void Configure(IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            await next(context);
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            DeskApi.Map(endpoints);
            DeskPages.Map(endpoints);
        });
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(HttpContext context, string to)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    }

    /// <summary>Whom a request is counted against: its code (hashed: never kept as such), its session, else its address.</summary>
    private static string Requester(HttpContext http)
    {
        var credential = http.Request.Headers.Authorization.ToString();
        if (credential.Length == 0)
        {
            credential = http.Request.Cookies[CookieName] ?? "";
        }
        return credential.Length > 0
            ? "who:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..32]
            : "address:" + DeskResponses.Address(http);
    }

    /// <summary>Checks a form's antiforgery token; false (the request refused with 400) when it is missing or wrong.</summary>
    internal static async Task<bool> Antiforgery(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            await DeskResponses.Refuse(context, context.RequestServices.GetRequiredService<DeskOptions>().Audit, 400,
                "表单已失效（缺少或不符的防伪标记）：请回到页面刷新后重新提交");
            return false;
        }
    }
}
