using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using GrpcNlp.Cli.Output;

namespace GrpcNlp.Cli.Tests.Output;

public sealed class ErrorRendererTests
{
    [Fact]
    public void Prints_the_status_and_every_field_violation()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "document.language", Description = "not a BCP-47 tag" },
                new BadRequest.Types.FieldViolation { Field = "options.max_sentences", Description = "must not be negative" },
            },
        };
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "the request is invalid",
            Details = { Any.Pack(badRequest) },
        };
        using var error = new StringWriter();

        ErrorRenderer.Write(status.ToRpcException(), error);

        string[] lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: InvalidArgument: the request is invalid", lines[0]);
        Assert.Equal("  document.language: not a BCP-47 tag", lines[1]);
        Assert.Equal("  options.max_sentences: must not be negative", lines[2]);
    }

    [Fact]
    public void Prints_a_plain_status_on_one_line()
    {
        using var error = new StringWriter();

        ErrorRenderer.Write(new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted, "too long")), error);

        Assert.Equal("error: ResourceExhausted: too long" + Environment.NewLine, error.ToString());
    }
}
