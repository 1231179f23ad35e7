using ElementFlow.Core.Limits;
using ElementFlow.IO.Packages;
using ElementFlow.Server.Queue;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ElementFlow.Server.Api;

/// <summary>
/// <c>POST /api/reviews</c>: streams the multipart field <c>package</c> to disk (never past <c>--max-upload</c>),
/// reads its structure, and only then stores and queues it, durably, before answering 202.
/// </summary>
public static class UploadReceiver
{
    /// <summary>The request body limit: the upload limit plus room for the multipart framing.</summary>
    public static long BodyLimit(ServerOptions options) => options.MaxUploadBytes + (64 * 1024);

    public static async Task<IResult> Receive(HttpContext context, ServerOptions options, DataFolder data, IReviewStore store, ReviewQueue queue)
    {
        var request = context.Request;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = BodyLimit(options);
        var tooLarge = Replies.Error(context, StatusCodes.Status413PayloadTooLarge, Messages.UploadTooLarge(InputLimits.FormatBytes(options.MaxUploadBytes)));
        if (request.ContentLength > BodyLimit(options)) return tooLarge;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.NotMultipart);
        }

        var id = ReviewIds.New();
        var incoming = Path.Combine(data.Incoming, id + ".zip");
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            string? fileName = null;
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "package") continue;
                fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "package.zip");
                if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.NotAZip);
                if (!await Save(section.Body, incoming, options.MaxUploadBytes, context.RequestAborted)) return tooLarge;
                break;
            }

            if (fileName is null) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.NoPackageField);
            var structure = PackageStructure.Inspect(incoming, fileName, options.Limits, options.Sources);
            if (structure.TooLarge)
            {
                return Replies.Error(context, StatusCodes.Status413PayloadTooLarge, Messages.PackageTooLarge(InputLimits.Binary(options.Limits.MaxPackageBytes)), structure.Diagnostics);
            }

            if (!structure.Accepted) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.BadPackage, structure.Diagnostics);

            // The package is on disk (flushed) before the row that names it; the row is committed before the answer.
            File.Move(incoming, data.Package(id));
            var user = context.User.Name();
            var review = store.AddReview(id, user, structure.PlanId!, fileName, DateTimeOffset.UtcNow);
            store.Audit(user, "upload", id, $"{fileName} ({structure.PlanId} v{review.Version})", DateTimeOffset.UtcNow);
            queue.Enqueue(id);
            return Results.Json(new { id, plan = review.Plan, version = review.Version, status = "queued", position = queue.Positions().GetValueOrDefault(id) },
                statusCode: StatusCodes.Status202Accepted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    /// <summary>Copies the field to a file and flushes it to disk; false (and no file) past <paramref name="limit"/> bytes.</summary>
    private static async Task<bool> Save(Stream body, string path, long limit, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
            {
                total += read;
                if (total > limit) break;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
            }

            file.Flush(flushToDisk: true);
        }

        if (total <= limit) return true;
        File.Delete(path);
        return false;
    }
}
