package netsink

import (
	"context"
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
	cert, pool := certificate(t, x509.ExtKeyUsageServerAuth)
	return &tls.Config{Certificates: []tls.Certificate{cert}}, &tls.Config{RootCAs: pool}
}

// withClientCert makes server require and verify a certificate that
// client presents.
func withClientCert(t testing.TB, server, client *tls.Config) {
	t.Helper()
	cert, pool := certificate(t, x509.ExtKeyUsageClientAuth)
	server.ClientAuth, server.ClientCAs = tls.RequireAndVerifyClientCert, pool
	client.Certificates = []tls.Certificate{cert}
}

// certificate returns a self-signed certificate for 127.0.0.1, and a pool
// trusting it.
func certificate(t testing.TB, usage x509.ExtKeyUsage) (tls.Certificate, *x509.CertPool) {
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
		ExtKeyUsage:  []x509.ExtKeyUsage{usage},
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
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func TestTLS(t *testing.T) {
	t.Parallel()
	for name, key := range map[string][]byte{"TLS alone, with client certificates": nil, "TLS and key": testKey} {
		t.Run(name, func(t *testing.T) {
			serverTLS, clientTLS := selfSigned(t)
			if key == nil {
				withClientCert(t, serverTLS, clientTLS)
			}
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

// A server certificate proves nothing about the clients: without a key,
// Serve must verify theirs.
func TestTLSWithoutClientCertificatesRefused(t *testing.T) {
	t.Parallel()
	serverTLS, _ := selfSigned(t)
	for _, auth := range []tls.ClientAuthType{tls.NoClientCert, tls.RequestClientCert, tls.RequireAnyClientCert, tls.VerifyClientCertIfGiven} {
		cfg := serverTLS.Clone()
		cfg.ClientAuth = auth
		err := Serve(context.Background(), nopListener{}, loguru.New(), ServerOptions{TLS: cfg})
		if err == nil || !strings.Contains(err.Error(), "a server with TLS but no Key must verify client certificates") {
			t.Errorf("ClientAuth %v: Serve = %v", auth, err)
		}
	}
	// Insecure says so explicitly.
	srv := startServer(t, ServerOptions{TLS: serverTLS, Insecure: true})
	_, clientTLS := selfSigned(t)
	clientTLS.InsecureSkipVerify = true
	sink := dialSink(t, srv.addr, Options{TLS: clientTLS})
	sink.Close()
}

func TestTLSClientWithoutCertificate(t *testing.T) {
	t.Parallel()
	serverTLS, clientTLS := selfSigned(t)
	withClientCert(t, serverTLS, clientTLS)
	srv := startServer(t, ServerOptions{TLS: serverTLS})
	clientTLS.Certificates = nil
	if _, err := Dial("tcp", srv.addr, Options{TLS: clientTLS, DialTimeout: 5 * time.Second}); err == nil {
		t.Fatal("a client without a certificate got through")
	}
	waitFor(t, "the rejection", func() bool { return srv.stats.Unauthenticated.Load() == 1 })
	if !strings.Contains(srv.errOut.String(), "unauthenticated: TLS handshake: ") {
		t.Error(srv.errOut.String())
	}
}

// Without a key, a connection whose client presented no verified
// certificate is refused even when GetConfigForClient picked a
// configuration that does not ask for one.
func TestTLSConfigForClientWithoutCertificate(t *testing.T) {
	t.Parallel()
	serverTLS, clientTLS := selfSigned(t)
	lax := serverTLS.Clone()
	serverTLS.ClientAuth = tls.RequireAndVerifyClientCert
	serverTLS.GetConfigForClient = func(*tls.ClientHelloInfo) (*tls.Config, error) { return lax, nil }
	srv := startServer(t, ServerOptions{TLS: serverTLS})
	if _, err := Dial("tcp", srv.addr, Options{TLS: clientTLS}); err == nil {
		t.Fatal("a client without a certificate got through")
	}
	waitFor(t, "the rejection", func() bool { return srv.stats.Unauthenticated.Load() == 1 })
	if !strings.Contains(srv.errOut.String(), "unauthenticated: no verified client certificate") {
		t.Error(srv.errOut.String())
	}
}

func TestTLSUntrustedServer(t *testing.T) {
	t.Parallel()
	serverTLS, _ := selfSigned(t)
	_, otherCA := selfSigned(t)
	srv := startServer(t, ServerOptions{TLS: serverTLS, Key: testKey})
	_, err := Dial("tcp", srv.addr, Options{TLS: otherCA, Key: testKey})
	if err == nil || !strings.Contains(err.Error(), "TLS handshake") {
		t.Fatalf("Dial to an untrusted server: %v", err)
	}
	waitFor(t, "the rejection", func() bool { return srv.stats.Unauthenticated.Load() == 1 })
	if !strings.Contains(srv.errOut.String(), "unauthenticated: TLS handshake: ") {
		t.Error(srv.errOut.String())
	}
}

func TestTLSPlainClient(t *testing.T) {
	t.Parallel()
	serverTLS, _ := selfSigned(t)
	srv := startServer(t, ServerOptions{TLS: serverTLS, Key: testKey})
	// Both sides wait for the other to speak first, until the client gives
	// up; a client leaving before saying anything is not counted.
	_, err := Dial("tcp", srv.addr, Options{Key: testKey, DialTimeout: 100 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "reading the server's hello") {
		t.Fatalf("a plain client must not get through a TLS server: %v", err)
	}
}
