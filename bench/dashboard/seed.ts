// Seeds a PostgreSQL database with N realistic reports for one kabupaten (Nagan Raya's real
// kecamatan and desa, the demo agencies and categories): two years of reports, more by day than
// at night, skewed over channels, categories and desa; older reports mostly closed; about 85% of
// the verified ones dispatched (12% to two agencies), some answered late. One INSERT ... SELECT
// over generate_series per table, secondary indexes dropped during the load and rebuilt after.
import pg from 'pg'
import { createTenant } from '../../src/accounts/tenants.ts'
import { openDatabase } from '../../src/db/connect.ts'
import { agencies, categories } from '../../src/db/schema/index.ts'
import { DEMO_AGENCIES } from '../../src/demo/agencies.ts'
import { DEMO_CATEGORIES } from '../../src/demo/categories.ts'

const TEXTS: [string, string][] = [
  ['Jalan berlubang', 'Jalan berlubang dan tergenang air setiap hujan, sudah banyak pengendara jatuh'],
  ['Lampu jalan mati', 'Lampu penerangan jalan mati sejak dua minggu, jalan gelap dan rawan kejahatan'],
  ['Sampah menumpuk', 'Sampah menumpuk di TPS dan tidak diangkut, bau busuk sampai ke rumah warga'],
  ['Banjir', 'Banjir merendam rumah warga setelah hujan deras, saluran drainase tersumbat'],
  ['Air PDAM tidak mengalir', 'Air PDAM tidak mengalir sudah lima hari, warga terpaksa membeli air bersih'],
  ['Pelayanan puskesmas lambat', 'Antrian di puskesmas sangat lama dan petugas datang terlambat'],
  ['Obat habis', 'Obat di apotek rumah sakit habis, pasien disuruh membeli di luar'],
  ['Jembatan rusak', 'Jembatan kayu penghubung desa rusak dan berbahaya untuk anak sekolah'],
  ['Bantuan sosial', 'Bantuan sosial tidak tepat sasaran, warga miskin tidak terdaftar'],
  ['Sekolah rusak', 'Atap ruang kelas sekolah bocor dan plafon hampir roboh'],
  ['Pungutan liar', 'Ada pungutan liar saat mengurus surat keterangan di kantor desa'],
  ['Jaringan internet', 'Sinyal internet di kantor camat sangat lemah, layanan online terganggu'],
  ['Ternak lepas', 'Ternak sapi berkeliaran di jalan raya dan mengganggu lalu lintas'],
  ['Pohon tumbang', 'Pohon besar tumbang menutup badan jalan setelah angin kencang'],
  ['Kebakaran lahan', 'Asap kebakaran lahan masuk ke permukiman, anak-anak batuk dan sesak'],
  ['Listrik padam', 'Listrik sering padam di malam hari tanpa pemberitahuan'],
  ['Pasar kotor', 'Pasar tradisional kotor dan becek, saluran air tidak berfungsi'],
  ['Izin usaha', 'Pengurusan izin usaha lama sekali, sudah sebulan belum selesai'],
  ['Data kependudukan', 'KTP elektronik belum jadi padahal sudah rekam tiga bulan lalu'],
  ['Informasi beasiswa', 'Mohon informasi jadwal pendaftaran beasiswa untuk mahasiswa'],
  ['Limbah pabrik', 'Limbah pabrik sawit dibuang ke sungai, air berbau dan ikan mati'],
  ['Parkir liar', 'Parkir liar di depan pertokoan membuat jalan macet'],
  ['Anjing liar', 'Banyak anjing liar berkeliaran dan menggigit warga'],
  ['Saluran irigasi', 'Saluran irigasi sawah rusak sehingga petani tidak bisa menanam'],
]

export async function seed(adminUrl: string, dbName: string, n: number, log: (s: string) => void) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${dbName}`)
  await admin.query(`create database ${dbName}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
  await database.migrate()
  const db = database.db
  const tenant = await createTenant(db, {
    slug: 'bench',
    name: 'Pemerintah Kabupaten Nagan Raya (bench)',
    kind: 'kabupaten',
    regionCode: '11.15',
    timeZone: 'Asia/Jakarta',
    codePrefix: 'NGR',
  })
  const ags = await db
    .insert(agencies)
    .values(DEMO_AGENCIES.map((a) => ({ tenantId: tenant.id, slug: a.slug, name: a.name, shortName: a.shortName, type: a.type })))
    .returning()
  const agencyBySlug = new Map(ags.map((a) => [a.slug, a.id]))
  const cats = await db
    .insert(categories)
    .values(DEMO_CATEGORIES.map((c) => ({ tenantId: tenant.id, slug: c.slug, name: c.name, slaTier: c.slaTier })))
    .returning()
  const first = cats.map((c) => agencyBySlug.get(DEMO_CATEGORIES.find((d) => d.slug === c.slug)!.agencies[0]!) ?? ags[0]!.id)
  const second = cats.map((c) => agencyBySlug.get(DEMO_CATEGORIES.find((d) => d.slug === c.slug)!.agencies[1] ?? '') ?? ags[1]!.id)
  const villages = await database.query<{ code: string; name: string }>(
    `select code, name from regions where tenant_id = $1 and level = 'village' order by code`,
    [tenant.id],
  )
  log(`tenant ${tenant.id}: ${ags.length} agencies, ${cats.length} categories, ${villages.length} desa`)

  // Drop secondary indexes for the load; rebuild them after (much faster than row by row).
  const idx = await database.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('reports', 'dispositions')
       and indexname not in (select conname from pg_constraint)`,
  )
  for (const i of idx) await database.query(`drop index if exists "${i.indexname}"`)
  // The rollup triggers (migration 0009) would add delta rows per report: recount once after instead.
  await database.query('alter table reports disable trigger report_stats_track')
  await database.query('alter table reports disable trigger report_hours_track')
  // The scoreboard rollup's statement trigger (0013) probes dispositions per (report, agency)
  // pair: without the indexes that is quadratic. Recounted once after, like the reports.
  await database.query('alter table dispositions disable trigger disposition_stats_insert')

  const t0 = Date.now()
  await database.query(
    `insert into reports (tenant_id, id, tracking_code, title, body, kind, status, category_id, region_code, district_code,
        channel_type, is_emergency, due_at, verified_at, first_response_at, answered_at, closed_at, rating, created_at, updated_at)
     select $1::uuid, gen_random_uuid(), 'NGR-' || upper(lpad(to_hex(s.g), 8, '0')),
       ($2::text[])[s.t], ($3::text[])[s.t] || ' di ' || ($6::text[])[s.v], x.kind::report_kind, x.status::report_status,
       ($4::uuid[])[s.c], ($5::text[])[s.v], substring(($5::text[])[s.v] from 1 for 8),
       x.channel::channel_type, x.kind = 'kedaruratan',
       case when x.status in ('received', 'needs_info') then s.created_at + interval '1 day'
            when x.status in ('dispatched', 'in_progress', 'returned', 'reopened') then s.created_at + interval '14 days' end,
       case when x.status not in ('received', 'needs_info') then least(now(), s.created_at + make_interval(mins => (30 + s.a * 2400)::int)) end,
       case when x.status in ('answered', 'closed', 'reopened') then least(now(), s.created_at + make_interval(hours => (4 + s.b * s.b * 480)::int)) end,
       case when x.status in ('answered', 'closed', 'reopened') then least(now(), s.created_at + make_interval(hours => (4 + s.b * s.b * 480)::int)) end,
       case when x.status = 'closed' then least(now(), s.created_at + make_interval(hours => (124 + s.b * s.b * 480)::int)) end,
       case when x.status = 'closed' and s.a < 0.4 then 1 + (s.e * 5)::int % 5 end,
       s.created_at, s.created_at
     from (
       select g, now() - power(random(), 1.15) * interval '730 days'
                 - make_interval(hours => (case when random() < 0.8 then 0 else 10 end)) as created_at,
         random() as a, random() as b, random() as d, random() as e,
         1 + floor(power(random(), 1.6) * array_length($4::uuid[], 1))::int as c,
         1 + floor(power(random(), 1.3) * array_length($5::text[], 1))::int as v,
         1 + floor(random() * array_length($2::text[], 1))::int as t,
         random() as ch
       from generate_series(1, $7::int) g
     ) s
     cross join lateral (select
       case when s.ch < 0.45 then 'whatsapp' when s.ch < 0.60 then 'web' when s.ch < 0.68 then 'telegram'
            when s.ch < 0.76 then 'sms' when s.ch < 0.81 then 'email' when s.ch < 0.86 then 'instagram'
            when s.ch < 0.90 then 'x' when s.ch < 0.93 then 'messenger' when s.ch < 0.97 then 'phone'
            when s.ch < 0.99 then 'walk_in' else 'lapor' end as channel,
       case when s.e < 0.72 then 'pengaduan' when s.e < 0.85 then 'aspirasi' when s.e < 0.95 then 'permintaan_informasi'
            when s.e < 0.98 then 'klarifikasi' else 'kedaruratan' end as kind,
       case when now() - s.created_at < interval '3 days' then
              case when s.d < 0.35 then 'received' when s.d < 0.45 then 'needs_info' when s.d < 0.75 then 'dispatched' else 'in_progress' end
            when now() - s.created_at < interval '30 days' then
              case when s.d < 0.05 then 'received' when s.d < 0.10 then 'archived' when s.d < 0.30 then 'in_progress'
                   when s.d < 0.40 then 'dispatched' when s.d < 0.55 then 'answered' when s.d < 0.95 then 'closed'
                   when s.d < 0.97 then 'returned' else 'reopened' end
            else
              case when s.d < 0.08 then 'archived' when s.d < 0.10 then 'merged' when s.d < 0.12 then 'in_progress'
                   when s.d < 0.15 then 'answered' when s.d < 0.97 then 'closed' else 'returned' end
       end as status) x`,
    [tenant.id, TEXTS.map((t) => t[0]), TEXTS.map((t) => t[1]), cats.map((c) => c.id), villages.map((v) => v.code), villages.map((v) => v.name), n],
  )
  log(`reports inserted in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  const t1 = Date.now()
  await database.query(
    `insert into dispositions (tenant_id, id, report_id, agency_id, status, due_at, accepted_at, completed_at, report_created_at, created_at, updated_at)
     select r.tenant_id, gen_random_uuid(), r.id, a.agency_id,
       (case when r.status = 'dispatched' then 'pending' when r.status = 'in_progress' then 'in_progress'
             when r.status = 'returned' then 'returned' else 'answered' end)::disposition_status,
       r.verified_at + interval '14 days',
       case when r.status <> 'dispatched' then least(coalesce(r.answered_at, now()), r.verified_at + make_interval(mins => (abs(hashtext(r.id::text)) % 2880)::int)) end,
       case when r.status in ('answered', 'closed', 'reopened') then r.answered_at
            when r.status = 'returned' then r.verified_at + interval '1 day' end,
       r.created_at, r.verified_at, r.verified_at
     from reports r
     cross join lateral (
       select ($3::uuid[])[array_position($2::uuid[], r.category_id)] as agency_id
       union all
       select ($4::uuid[])[array_position($2::uuid[], r.category_id)] where abs(hashtext(r.id::text)) % 100 < 12
     ) a
     where r.tenant_id = $1::uuid and r.status in ('dispatched', 'in_progress', 'returned', 'answered', 'closed', 'reopened')
       and a.agency_id is not null`,
    [tenant.id, cats.map((c) => c.id), first, second],
  )
  log(`dispositions inserted in ${((Date.now() - t1) / 1000).toFixed(0)} s`)
  const t2 = Date.now()
  for (const i of idx) await database.query(i.indexdef)
  log(`${idx.length} indexes rebuilt in ${((Date.now() - t2) / 1000).toFixed(0)} s`)
  const t4 = Date.now()
  await database.query('alter table reports enable trigger report_stats_track')
  await database.query('alter table reports enable trigger report_hours_track')
  await database.query('alter table dispositions enable trigger disposition_stats_insert')
  await database.query('select report_daily_stats_rebuild($1::uuid)', [tenant.id])
  await database.query('select report_hours_dim_rebuild($1::uuid)', [tenant.id]) // migration 0019
  await database.query('select disposition_stats_rebuild($1::uuid)', [tenant.id])
  await database.query('select report_agency_stats_rebuild($1::uuid)', [tenant.id])
  // The (report, agency) pairs (migration 0017): the disposition trigger that keeps them was off too.
  // Its rollup per month x channel / kind (migration 0022) is recounted once after, not by its triggers.
  await database.query('alter table report_agency_facts disable trigger report_agency_dim_insert')
  await database.query('alter table report_agency_facts disable trigger report_agency_dim_delete')
  await database.query('select report_agency_facts_rebuild($1::uuid)', [tenant.id])
  await database.query('alter table report_agency_facts enable trigger report_agency_dim_insert')
  await database.query('alter table report_agency_facts enable trigger report_agency_dim_delete')
  await database.query('select report_agency_dim_rebuild($1::uuid)', [tenant.id])
  log(`dashboard rollup counted in ${((Date.now() - t4) / 1000).toFixed(0)} s`)
  const t3 = Date.now()
  await database.query('vacuum analyze report_daily_stats')
  await database.query('vacuum analyze report_stats_delta')
  await database.query('vacuum analyze report_hours_hist')
  await database.query('vacuum analyze report_hours_delta')
  await database.query('vacuum analyze disposition_daily_stats')
  // The recounts insert deltas and fold them at once: vacuum the dead rows readers would wade through.
  await database.query('vacuum analyze disposition_stats_delta')
  await database.query('vacuum analyze disposition_hours_delta')
  await database.query('vacuum analyze disposition_hours_hist')
  await database.query('vacuum analyze report_agency_stats_delta')
  await database.query('vacuum analyze report_agency_stats')
  await database.query('vacuum analyze report_agency_facts')
  await database.query('vacuum analyze report_agency_dim_stats')
  await database.query('vacuum analyze reports')
  await database.query('vacuum analyze dispositions')
  log(`vacuum analyze in ${((Date.now() - t3) / 1000).toFixed(0)} s`)
  return { database, tenantId: tenant.id, agencyIds: ags.map((a) => a.id), categoryIds: cats.map((c) => c.id) }
}
