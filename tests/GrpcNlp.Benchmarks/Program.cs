using BenchmarkDotNet.Running;

// `cpu-per-call [rounds]`: CPU time per call of the Tokenize tweet rows (see CpuTimePerCall);
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "cpu-per-call")
{
    GrpcNlp.Benchmarks.CpuTimePerCall.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrpcNlp.Benchmarks.SampleText).Assembly).Run(args);
