using GrpcNlp.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrpcNlpServer();

var app = builder.Build();
app.MapGrpcNlpServer();
app.Run();

/// <summary>The server entry point; public so tests and hosts can refer to the assembly.</summary>
public partial class Program;
