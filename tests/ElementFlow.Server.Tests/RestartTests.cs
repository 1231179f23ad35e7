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
}
