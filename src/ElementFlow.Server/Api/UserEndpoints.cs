using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary><c>/api/users</c> (admins only): list users, add one, issue a token.</summary>
public static class UserEndpoints
{
    /// <summary>A new user.</summary>
    public sealed record NewUser(string? Username, string? Password, string? Role);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users", (HttpContext context, IReviewStore store) => context.User.Role() == Role.Admin
            ? Results.Ok(store.Users().Select(u => new { username = u.Name, role = u.Role.Name() }).ToList())
            : Replies.Forbidden(context));
        app.MapPost("/api/users", Add).AddEndpointFilter<AntiforgeryCheck>();
        app.MapPost("/api/users/{name}/tokens", (string name, HttpContext context, UserAdmin admin) =>
        {
            if (context.User.Role() != Role.Admin) return Replies.Forbidden(context);
            return admin.IssueToken(name, context.User.Name()) is { } token ? Results.Json(new { username = name, token }, statusCode: StatusCodes.Status201Created) : Results.NotFound();
        }).AddEndpointFilter<AntiforgeryCheck>();
    }

    private static async Task<IResult> Add(HttpContext context, UserAdmin admin)
    {
        if (context.User.Role() != Role.Admin) return Replies.Forbidden(context);
        NewUser? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<NewUser>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            body = null;
        }

        if (body is not { Username: { } name, Password: { } password, Role: { } roleName }) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.BadUserBody);
        if (!Roles.TryParse(roleName, out var role)) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.UnknownRole(roleName));
        if (admin.Add(name, role, password, context.User.Name()) is { } refused) return Replies.Error(context, StatusCodes.Status400BadRequest, refused);
        return Results.Json(new { username = name, role = role.Name() }, statusCode: StatusCodes.Status201Created);
    }
}
