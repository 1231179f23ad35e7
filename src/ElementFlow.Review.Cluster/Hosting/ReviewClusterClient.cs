using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ElementFlow.Review.Cluster.Hosting;

/// <summary><c>review --cluster</c>'s connection: an Orleans client that finds the silos' gateways in the membership tables.</summary>
public sealed class ReviewClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ReviewClusterClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, trying again until a silo answers or <paramref name="wait"/> has passed; null then.</summary>
    public static async Task<ReviewClusterClient?> Connect(string cluster, TimeSpan wait, CancellationToken cancellation)
    {
        await ClusterDatabase.EnsureSchema(cluster, cancellation);
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            var builder = Host.CreateApplicationBuilder();
            // The client's troubles come back as exceptions and dispatch events; its own log would only repeat them.
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client =>
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = ClusterDatabase.Invariant;
                    o.ConnectionString = cluster;
                });
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterDatabase.ClusterId;
                    o.ServiceId = ClusterDatabase.ServiceId;
                });
            });
            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellation);
                return new ReviewClusterClient(host);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                host.Dispose();
                if (DateTimeOffset.UtcNow >= deadline) return null;
                await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
