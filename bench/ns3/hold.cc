// calisim bench: the hold model on ns-3's default scheduler, for the B8/B9 same-machine ratio.
// Usage: hold PENDING EVENTS SEED — prints events per second on stdout.
#include "ns3/core-module.h"
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace ns3;

static Ptr<UniformRandomVariable> g_delay;
static long g_remaining = 0;

static void Hold() {
  if (--g_remaining <= 0) { Simulator::Stop(); return; }
  Simulator::Schedule(NanoSeconds(g_delay->GetInteger(1, 1000000)), &Hold);
}

int main(int argc, char** argv) {
  long pending = argc > 1 ? atol(argv[1]) : 100000;
  long events = argc > 2 ? atol(argv[2]) : 2000000;
  RngSeedManager::SetSeed(argc > 3 ? atoi(argv[3]) : 1);
  g_delay = CreateObject<UniformRandomVariable>();
  g_remaining = events;
  for (long i = 0; i < pending; i++) Simulator::Schedule(NanoSeconds(g_delay->GetInteger(1, 1000000)), &Hold);
  auto t0 = std::chrono::steady_clock::now();
  Simulator::Run();
  auto t1 = std::chrono::steady_clock::now();
  double s = std::chrono::duration<double>(t1 - t0).count();
  printf("%.0f\n", events / s);
  Simulator::Destroy();
  return 0;
}
