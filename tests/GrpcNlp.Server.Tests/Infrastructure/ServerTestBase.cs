using Grpc.Core;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>Shares one server per test class; every test fails if the server logged an error.</summary>
public abstract class ServerTestBase : IClassFixture<GrpcNlpServerFixture>, IAsyncLifetime
{
    protected ServerTestBase(GrpcNlpServerFixture fixture)
    {
        Fixture = fixture;
    }

    protected GrpcNlpServerFixture Fixture { get; }

    protected static CallOptions Call(CancellationToken cancellationToken = default)
        => new(deadline: DateTime.UtcNow + GrpcNlpServerFixture.DefaultTimeout, cancellationToken: cancellationToken);

    public ValueTask InitializeAsync()
    {
        Fixture.Logs.Clear();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Fixture.AssertNoServerErrorsAsync();
        GC.SuppressFinalize(this);
    }
}
