using GrpcNlp.Server.Hosting;

// The content root is the folder of the server's files, not the working directory, so
// `dotnet path/to/GrpcNlp.Server.dll` started from anywhere still reads its appsettings.json
// (without it every request is logged at Information, which costs a large share of a small call).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddGrpcNlpServer();

var app = builder.Build();
app.MapGrpcNlpServer();
app.Run();

/// <summary>The server entry point; public so tests and hosts can refer to the assembly.</summary>
public partial class Program;
