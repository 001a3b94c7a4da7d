# In a clone of Wirebook, after npm install. Start the playground
# without building the site (npm start builds and serves it too);
# its UDP echo server listens on 127.0.0.1:7007.
node playground-server/main.ts &

# The UDP client cell's code, run by Node on your machine:
node examples/sockets/run-demo.ts sockets/udp-client
# It prints:
#   info datagrams go to 127.0.0.1:7007
#   sent hello, udp
#   sent each datagram arrives whole
#   info sent 1025 bytes, one over the limit
#   received hello, udp
#   received each datagram arrives whole
#   received error DATAGRAM_TOO_LARGE: 1025 bytes is over the limit of 1024; nothing echoed

# One datagram from nc: -u for UDP, -w1 to wait a second for the
# answer, then quit:
printf 'hello, udp' | nc -u -w1 127.0.0.1 7007
# It prints:
#   hello, udp

# Stop the playground with: kill %1
