using System.Text;
using GrpcNlp.Cli;

// Text in and out is UTF-8 whatever the platform's console default, so Arabic survives pipes.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
return await CliApp.RunAsync(args, stdin, Console.Out, Console.Error);
