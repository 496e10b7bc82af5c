package netsink

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// selfSigned returns a server configuration with a certificate for
// 127.0.0.1, and a client configuration trusting it.
func selfSigned(t testing.TB) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "netsink test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	server = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	return server, &tls.Config{RootCAs: pool}
}

func TestTLS(t *testing.T) {
	serverTLS, clientTLS := selfSigned(t)
	for name, key := range map[string][]byte{"TLS alone": nil, "TLS and key": testKey} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, ServerOptions{TLS: serverTLS, Key: key})
			sink := dialSink(t, srv.addr, Options{TLS: clientTLS, Key: key})
			l := loguru.New()
			l.Add(sink)
			l.Bind("secure", true).Success("over TLS")
			if err := l.Complete(); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the record", func() bool { return srv.got.len() == 1 })
			if rec, _ := srv.got.get(0); rec.Message != "over TLS" || rec.Extra["secure"] != true || rec.Level.Name != "SUCCESS" {
				t.Errorf("record %+v", rec)
			}
		})
	}
}

func TestTLSUntrustedServer(t *testing.T) {
	serverTLS, _ := selfSigned(t)
	_, otherCA := selfSigned(t)
	srv := startServer(t, ServerOptions{TLS: serverTLS})
	_, err := Dial("tcp", srv.addr, Options{TLS: otherCA})
	if err == nil || !strings.Contains(err.Error(), "TLS handshake") {
		t.Fatalf("Dial to an untrusted server: %v", err)
	}
	waitFor(t, "the rejection", func() bool { return srv.stats.Unauthenticated.Load() == 1 })
	if !strings.Contains(srv.errOut.String(), "unauthenticated: TLS handshake: ") {
		t.Error(srv.errOut.String())
	}
}

func TestTLSPlainClient(t *testing.T) {
	serverTLS, _ := selfSigned(t)
	srv := startServer(t, ServerOptions{TLS: serverTLS, Key: testKey})
	// Both sides wait for the other to speak first, until the client gives
	// up; a client leaving before saying anything is not counted.
	_, err := Dial("tcp", srv.addr, Options{Key: testKey, DialTimeout: 100 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "reading the server's hello") {
		t.Fatalf("a plain client must not get through a TLS server: %v", err)
	}
}
