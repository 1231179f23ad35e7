using ElementFlow.Server.Store;

namespace ElementFlow.Server.Tests;

public class RestartTests : ServerTest
{
    [Fact]
    public async Task QueuedReview_RunsAfterARestart()
    {
        string id;
        await using (var first = await TestHost.Start(Data, checks: 0))
        {
            id = await TestHost.Upload(first.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        }

        await using var second = await TestHost.Start(Data);
        var review = await TestHost.Finished(second.WithToken("ann"), id);

        Assert.Equal("done", review.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReviewCutOffWhileRunning_RunsAgainAtStart()
    {
        string id;
        await using (var first = await TestHost.Start(Data, checks: 0))
        {
            id = await TestHost.Upload(first.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        }

        // As a kill -9 leaves it: marked running, never finished.
        new DataFolder(Data).OpenStore().SetStatus(id, ReviewStatus.Running);

        await using var second = await TestHost.Start(Data);
        var review = await TestHost.Finished(second.WithToken("ann"), id);

        Assert.Equal("done", review.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UploadCutOffMidway_IsClearedAtStart()
    {
        Directory.CreateDirectory(Path.Combine(Data, "incoming"));
        File.WriteAllText(Path.Combine(Data, "incoming", "0123456789abcdef0123456789abcdef.zip"), "half an upload");

        await using var host = await TestHost.Start(Data, checks: 0);

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "incoming")));
    }
}
