using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GrpcNlp.Benchmarks.SampleText).Assembly).Run(args);
