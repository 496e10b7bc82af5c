package syslog

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

var (
	testCertOnce sync.Once
	testCert     tls.Certificate
	testPool     *x509.CertPool
)

// makeTestCert creates a self-signed certificate for 127.0.0.1.
func makeTestCert() {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		NotBefore:    time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		panic(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		panic(err)
	}
	testCert = tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}
	testPool = x509.NewCertPool()
	testPool.AddCert(cert)
}

func tlsConfigForTest() *tls.Config {
	testCertOnce.Do(makeTestCert)
	return &tls.Config{RootCAs: testPool}
}

func TestTLS(t *testing.T) {
	t.Parallel()
	client := tlsConfigForTest()
	srv := &streamServer{t: t, network: "tcp", addr: "127.0.0.1:0", got: make(chan string, 10)}
	ln, err := tls.Listen("tcp", srv.addr, &tls.Config{Certificates: []tls.Certificate{testCert}})
	if err != nil {
		t.Fatal(err)
	}
	srv.ln, srv.addr = ln, ln.Addr().String()
	srv.wg.Add(1)
	go srv.accept(ln)
	t.Cleanup(srv.stop)

	s, err := Dial("tcp", srv.addr, fixedOptions(Options{TLS: client}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Warning("over TLS")
	expect(t, srv.got, "<12>1 2026-01-02T03:04:05.123456+01:00 host app 42 WARNING "+origin("TestTLS")+" over TLS")

	// A certificate that does not verify fails Dial.
	if _, err := Dial("tcp", srv.addr, fixedOptions(Options{TLS: &tls.Config{}})); err == nil {
		t.Fatal("Dial trusted an unknown certificate")
	}
}
