# In a clone of Wirebook, after npm install. Start the playground
# without building the site (npm start builds and serves it too);
# its TCP echo server listens on 127.0.0.1:7007.
node playground-server/main.ts &

# The TCP client cell's code, run by Node on your machine:
node examples/sockets/run-demo.ts sockets/tcp-client
# It prints:
#   info connected from 127.0.0.1:…
#   info to 127.0.0.1:7007
#   sent hello, tcp
#   sent bytes in, bytes out
#   info half-closed: sent FIN, still reading
#   received hello, tcp
#   received bytes in, bytes out
#   info EOF: the server closed its side

# The same echo server from nc. -N sends FIN when the input ends
# (OpenBSD netcat, the nc of Debian and Ubuntu):
printf 'hello, tcp\nbytes in, bytes out\n' | nc -N 127.0.0.1 7007
# It prints:
#   hello, tcp
#   bytes in, bytes out

# The ten-line server from the top of this page, on port 7008:
node examples/sockets/tcp-echo-basic.ts &
printf 'hello\n' | nc -N 127.0.0.1 7008
# It prints:
#   hello

# Stop both servers with: kill %1 %2
