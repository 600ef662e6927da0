# SIGINT during asyncio.run: the runner cancels the main task and raises
# KeyboardInterrupt; loop.add_signal_handler through set_wakeup_fd
import asyncio, os, signal

# whatever the parent left SIGINT at, start from Python's own handler
signal.signal(signal.SIGINT, signal.default_int_handler)

async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, lambda: (print("SIGUSR1 handled"), got.set()))
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 10)
    loop.remove_signal_handler(signal.SIGUSR1)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(10)
    finally:
        print("main cleanup")

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt from asyncio.run")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
