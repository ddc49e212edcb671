#!/usr/bin/env python3
"""Regenerates the fuzz seed corpus (src/test/resources/fuzz/seeds) from real DICOM traffic and files.

Runs DCMTK findscu against DCMTK wlmscpfs and against Orthanc through a recording TCP proxy on loopback, then splits
the recorded streams into PDUs, command sets and data sets; Part-10 seeds come from dump2dcm in the four transfer
syntaxes. Usage: python3 capture_seeds.py OUTPUT_DIR   (needs dcmtk and orthanc installed; see docs/robustness.md)
"""
import glob, json, os, shutil, socket, subprocess, sys, tempfile, threading, time

EX = "/usr/share/doc/dcmtk/examples"
TS = {"1.2.840.10008.1.2": "dataset-ivr-le", "1.2.840.10008.1.2.1": "dataset-evr-le",
      "1.2.840.10008.1.2.2": "dataset-evr-be", "1.2.840.10008.1.2.1.99": "dataset-deflated"}

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def wait_port(port, secs=15):
    end = time.time() + secs
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close(); return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("port %d never opened" % port)

class Proxy:
    """Accepts connections, forwards them to the target port and records both directions per connection."""
    def __init__(self, target):
        self.target = target; self.sessions = []
        self.srv = socket.socket(); self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", 0)); self.srv.listen(5); self.port = self.srv.getsockname()[1]
        threading.Thread(target=self.loop, daemon=True).start()
    def loop(self):
        while True:
            try: c, _ = self.srv.accept()
            except OSError: return
            u = socket.create_connection(("127.0.0.1", self.target))
            rec = {"rq": bytearray(), "rsp": bytearray()}; self.sessions.append(rec)
            for a, b, k in ((c, u, "rq"), (u, c, "rsp")):
                threading.Thread(target=self.pump, args=(a, b, rec[k]), daemon=True).start()
    @staticmethod
    def pump(a, b, buf):
        try:
            while True:
                d = a.recv(65536)
                if not d: break
                buf.extend(d); b.sendall(d)
        except OSError: pass
        finally:
            try: b.shutdown(socket.SHUT_WR)
            except OSError: pass

def pdus(stream):
    out, p = [], 0
    while p + 6 <= len(stream):
        n = int.from_bytes(stream[p + 2:p + 6], "big")
        out.append(bytes(stream[p:p + 6 + n])); p += 6 + n
    return out

def accepted_ts(ac):
    """Transfer syntax of the first accepted presentation context of an A-ASSOCIATE-AC."""
    p = 6 + 68
    while p + 4 <= len(ac):
        t, n = ac[p], int.from_bytes(ac[p + 2:p + 4], "big")
        if t == 0x21 and ac[p + 6] == 0:
            q = p + 8
            while q + 4 <= p + 4 + n:
                st, sn = ac[q], int.from_bytes(ac[q + 2:q + 4], "big")
                if st == 0x40: return ac[q + 4:q + 4 + sn].decode().rstrip("\0 ")
                q += 4 + sn
        p += 4 + n
    return None

def messages(pdu_list):
    """(is_command, bytes) for every reassembled command set and data set in P-DATA-TF PDUs."""
    out, cur = [], {True: bytearray(), False: bytearray()}
    for pdu in pdu_list:
        if pdu[0] != 4: continue
        p = 6
        while p + 6 <= len(pdu):
            n = int.from_bytes(pdu[p:p + 4], "big"); hdr = pdu[p + 5]; cmd = bool(hdr & 1)
            cur[cmd].extend(pdu[p + 6:p + 4 + n])
            if hdr & 2: out.append((cmd, bytes(cur[cmd]))); cur[cmd] = bytearray()
            p += 4 + n
    return out

def save(out, kind, name, data):
    d = os.path.join(out, kind); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f: f.write(data)

def record(out, tag, proxy):
    seen = set()
    for i, s in enumerate(proxy.sessions):
        both = [("rq", pdus(s["rq"])), ("rsp", pdus(s["rsp"]))]
        ts = next((accepted_ts(p) for p in both[1][1] if p[0] == 2), None)
        for direction, lst in both:
            save(out, "pdu", "%s-%02d-%s-stream.bin" % (tag, i, direction), b"".join(lst))
            for j, p in enumerate(lst):
                if p in seen: continue
                seen.add(p); save(out, "pdu", "%s-%02d-%s-%03d.bin" % (tag, i, direction, j), p)
            for j, (cmd, m) in enumerate(messages(lst)):
                if m in seen: continue
                seen.add(m)
                if cmd: save(out, "command", "%s-%02d-%s-%03d.bin" % (tag, i, direction, j), m)
                elif ts in TS: save(out, TS[ts], "%s-%02d-%s-%03d.bin" % (tag, i, direction, j), m)

def main(out):
    work = tempfile.mkdtemp(prefix="fuzzseeds")
    try:
        db = os.path.join(work, "db", "OFFIS"); os.makedirs(db)
        open(os.path.join(db, "lockfile"), "w").close()
        for d in sorted(glob.glob(EX + "/wlistdb/OFFIS/*.dump")):
            subprocess.run(["dump2dcm", "-q", d, os.path.join(db, os.path.basename(d)[:-5] + ".wl")], check=True)
        queries = []
        for d in sorted(glob.glob(EX + "/wlistqry/*.dump")):
            q = os.path.join(work, os.path.basename(d)[:-5] + ".dcm"); subprocess.run(["dump2dcm", "-q", d, q], check=True)
            queries.append(q)
        # Part-10 seeds: worklist items and queries in the four transfer syntaxes
        for d in sorted(glob.glob(EX + "/wlistdb/OFFIS/*.dump"))[:4] + sorted(glob.glob(EX + "/wlistqry/*.dump"))[:4]:
            for opt in ("+te", "+tb", "+ti", "+td"):
                f = os.path.join(work, "p10.dcm"); subprocess.run(["dump2dcm", opt, d, f], check=True)
                b = open(f, "rb").read()
                save(out, "part10", os.path.basename(d)[:-5] + opt.replace("+", "-") + ".dcm", b)
                # the data set after the meta group: the seeds for big endian and deflate (which the SCPs never pick)
                start = 132 + 12 + int.from_bytes(b[140:144], "little")
                kind = {"+te": "dataset-evr-le", "+tb": "dataset-evr-be", "+ti": "dataset-ivr-le",
                        "+td": "dataset-deflated"}[opt]
                save(out, kind, "p10-" + os.path.basename(d)[:-5] + ".bin", b[start:])
        # DCMTK wlmscpfs
        port = free_port()
        scp = subprocess.Popen(["wlmscpfs", "-dfp", os.path.join(work, "db"), "-csk", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(port); proxy = Proxy(port)
            for opt in ("-xe", "-xb", "-xi", "-xd"):
                subprocess.run(["findscu", opt, "-aec", "OFFIS", "127.0.0.1", str(proxy.port)] + queries[:6],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            subprocess.run(["findscu", "--cancel", "1", "-aec", "OFFIS", "127.0.0.1", str(proxy.port), queries[0]],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            subprocess.run(["findscu", "-aec", "NOSUCHAE", "127.0.0.1", str(proxy.port), queries[0]],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            time.sleep(0.5); record(out, "wlmscpfs", proxy)
        finally:
            scp.terminate(); scp.wait()
        # Orthanc with a few stored instances, queried at patient/study/series level
        oport, hport = free_port(), free_port()
        odir = os.path.join(work, "orthanc"); os.makedirs(odir)
        cfg = os.path.join(work, "orthanc.json")
        json.dump({"Name": "FUZZSEEDS", "StorageDirectory": odir, "IndexDirectory": odir, "DicomAet": "ORTHANC",
                   "DicomPort": oport, "HttpPort": hport, "RemoteAccessAllowed": False, "AuthenticationEnabled": False,
                   "DicomCheckCalledAet": False, "DicomAlwaysAllowFind": True, "DicomAlwaysAllowStore": True,
                   "UnknownSopClassAccepted": True}, open(cfg, "w"))
        orth = subprocess.Popen(["/usr/sbin/Orthanc", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(oport)
            for i, name in enumerate(["DOE^JOHN", "M\u00fcller^Hans", "\u5c71\u7530^\u592a\u90ce"]):
                dump = os.path.join(work, "img%d.dump" % i)
                with open(dump, "w", encoding="utf-8") as f:
                    f.write('(0008,0005) CS [ISO_IR 192]\n(0008,0016) UI =SecondaryCaptureImageStorage\n'
                            '(0008,0018) UI [1.2.826.0.1.3680043.10.99.%d]\n(0008,0060) CS [OT]\n'
                            '(0010,0010) PN [%s]\n(0010,0020) LO [PID%d]\n(0020,000d) UI [1.2.826.0.1.3680043.10.98.%d]\n'
                            '(0020,000e) UI [1.2.826.0.1.3680043.10.97.%d]\n' % (i, name, i, i, i))
                f = os.path.join(work, "img%d.dcm" % i)
                subprocess.run(["dump2dcm", "+E", "+te", dump, f], check=True)
                subprocess.run(["storescu", "-aec", "ORTHANC", "127.0.0.1", str(oport), f],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            proxy = Proxy(oport)
            for opt, level, keys in (("-xe", "PATIENT", ["-k", "PatientName", "-k", "PatientID"]),
                                     ("-xb", "STUDY", ["-k", "StudyInstanceUID", "-k", "PatientName=*"]),
                                     ("-xi", "SERIES", ["-k", "StudyInstanceUID=1.2.826.0.1.3680043.10.98.1",
                                                        "-k", "Modality", "-k", "SeriesInstanceUID"])):
                subprocess.run(["findscu", opt, "-S", "-aec", "ORTHANC", "127.0.0.1", str(proxy.port),
                                "-k", "QueryRetrieveLevel=" + level, "-k", "SpecificCharacterSet"] + keys,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            time.sleep(0.5); record(out, "orthanc", proxy)
        finally:
            orth.terminate(); orth.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main(sys.argv[1])
