# asyncio subprocesses (the child watcher runs a thread), run_in_executor,
# to_thread
import asyncio, sys

async def main():
    p = await asyncio.create_subprocess_exec("/bin/echo", "hello", "sub",
                                             stdout=asyncio.subprocess.PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_exec("/bin/sh", "-c", "cat; echo err >&2; exit 3",
                                             stdin=asyncio.subprocess.PIPE,
                                             stdout=asyncio.subprocess.PIPE,
                                             stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate(b"from stdin\n")
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell("printf 'a\\nb\\n'", stdout=asyncio.subprocess.PIPE)
    lines = []
    while line := await p.stdout.readline():
        lines.append(line)
    print(lines, await p.wait())
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    print(await asyncio.to_thread(pow, 2, 10))

asyncio.run(main())
