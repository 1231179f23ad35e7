using System.Net;
using System.Net.Sockets;
using ElementFlow.Review.Cluster.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ElementFlow.Review.Cluster.Hosting;

/// <summary>A silo of the review cluster: membership in PostgreSQL through Orleans' ADO.NET clustering, and a <see cref="Workshop"/>.</summary>
public static class ReviewSilo
{
    /// <summary>Creates the membership tables when missing and builds the silo's host (not started).</summary>
    public static async Task<IHost> Build(SiloSettings settings, IWorkRunnerFactory runners, CancellationToken cancellation)
    {
        await ClusterDatabase.EnsureSchema(settings.Cluster, cancellation);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        settings.Logging?.Invoke(builder.Logging);
        var port = settings.Port == 0 ? FreePort() : settings.Port;
        var gateway = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterDatabase.Invariant;
                o.ConnectionString = settings.Cluster;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterDatabase.ClusterId;
                o.ServiceId = ClusterDatabase.ServiceId;
            });
            if (settings.Address is { } address) silo.ConfigureEndpoints(address, port, gateway, listenOnAnyHostAddress: false);
            else silo.ConfigureEndpoints(port, gateway);
            AddWorkshop(silo.Services, settings.Workshop, runners);
        });
        return builder.Build();
    }

    /// <summary>The review's services on a silo; the test cluster calls this too.</summary>
    public static void AddWorkshop(IServiceCollection services, WorkshopOptions options, IWorkRunnerFactory runners)
    {
        services.AddSingleton(options);
        services.AddSingleton(runners);
        services.AddSingleton<Workshop>();
        services.AddHostedService(p => p.GetRequiredService<Workshop>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
