using ElementFlow.Server.Api;
using ElementFlow.Server.Map;
using ElementFlow.Server.Queue;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using ElementFlow.Server.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElementFlow.Server;

/// <summary>The review server: the web application over the data folder, its queue and its API.</summary>
public static class ReviewServer
{
    /// <summary>Builds the application; <paramref name="configure"/> lets a host (a test) change the builder before it is built.</summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var data = new DataFolder(options.DataFolder);

        // Uploads a crash cut off were never answered 202: nothing refers to them.
        foreach (var partial in Directory.EnumerateFiles(data.Incoming)) File.Delete(partial);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = data.Root });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = UploadReceiver.BodyLimit(options));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(data);
        services.AddSingleton(_ => data.OpenStore(options.StoreConnection));
        services.AddSingleton<ReviewRunner>();
        services.AddSingleton<ReviewQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewQueue>());
        services.AddSingleton<UserAdmin>();
        services.AddSingleton<PlanMaps>();

        // The keys that seal session cookies and anti-forgery tokens live with the data, so sessions outlast a restart.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(data.Keys)).SetApplicationName("ElementFlow");
        Authentication.AddTo(services);

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        WebPage.Map(app);
        SessionEndpoints.Map(app);
        ReviewEndpoints.Map(app);
        DecisionEndpoints.Map(app);
        MapEndpoints.Map(app);
        CompareEndpoint.Map(app);
        UserEndpoints.Map(app);
        return app;
    }

    /// <summary>Runs the server until it is stopped (Ctrl+C, SIGTERM).</summary>
    public static void Run(ServerOptions options) => Build(options).Run();
}
