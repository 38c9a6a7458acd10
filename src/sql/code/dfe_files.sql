--------------------------------------------------------------------------
-- The DfE's files cspi reads
--------------------------------------------------------------------------
-- One row of cspi.dfe_file per kind of file (cspi.load_dfe_file), before
-- the indicator families, whose files map the DfE's measures to their
-- indicators (cspi.published_measure).

INSERT INTO cspi.dfe_file (kind, file_name, columns, required, description) VALUES
 ('cla_numbers', 'cla_number_and_rate_per_10k_children',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000}',
  '{time_period,geographic_level,population_type,population_estimate,children_count,rate_per_10000}',
  'Children looked after on 31 March, starting and ceasing in the year: count and rate per 10,000 children.'),
 ('referrals', 'c1_children_in_need_referrals_and_rereferrals',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent}',
  '{time_period,geographic_level,referral_count,rereferral_count,rereferral_percent,rereferral_child_count}',
  'Referrals and re-referrals within 12 months, by referral and by child.'),
 ('cp_subsequent', 'd3_cpps_subsequent_plan',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent}',
  '{time_period,geographic_level,CPP_start,CPP_subsequent,CPP_subsequent_percent}',
  'Child protection plans starting in the year, and those that were a second or subsequent plan.'),
 ('cp_at_31_march', 'd5_cpps_at31march_by_duration',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_At31,3_months_or_less,3_months_or_less_percent,more_than_3_months_6_months,more_than_3_months_6_months_percent,more_than_6_months_less_than_1_year,more_than_6_months_less_than_1_year_percent,1_year_less_than_2_years,1_year_less_than_2_years_percent,2_years_or_more,2_years_or_more_percent}',
  '{time_period,geographic_level,CPP_At31}',
  'Child protection plans open on 31 March, by length.'),
 ('children_in_need', 'b1_children_in_need',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,Anypoint_episodes,Anypoint_child,Started_episodes,Started_child,Ended_episodes,Ended_child,At31_episodes,awaiting_assessment}',
  '{time_period,geographic_level,At31_episodes}',
  'Children in need: episodes at any point in the year, started, ended and open on 31 March.'),
 ('cla_social_workers', 'la_cla_swcount',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,sw_stability,number,percentage}',
  '{time_period,geographic_level,cla_group,sw_stability,number,percentage}',
  'Children looked after on 31 March by the number of social workers they had during the year.'),
 ('cla_stability', 'la_cla_placement_stability',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent}',
  '{time_period,geographic_level,cla_group,placement_stability,children_count,children_percent}',
  'Placement stability: children looked after on 31 March with 3 or more placements in the year; children looked after for 2.5 years and under 16 with the same carer for 2 years.'),
 ('care_leavers_activity', 'la_care_leavers_activity',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  '{time_period,geographic_level,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  'Care leavers by age and main activity (education, training or employment, NEET, not known).'),
 ('care_leavers_accommodation', 'la_care_leavers_accommodation_suitability',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  '{time_period,geographic_level,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent}',
  'Care leavers by age and whether their accommodation is suitable.'),
 ('population', 'ons_mid-year_population_estimates',
  '{time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate}',
  '{time_period,geographic_level,age_group,population_estimate}',
  'ONS mid-year estimates of the children aged 0 to 17 (time_period is the year of the 30 June estimate).'),
 ('statistical_neighbours', 'sn_model',
  '{old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P}',
  '{old_la_code,la_name,SN_1,SN_2,SN_3,SN_4,SN_5,SN_6,SN_7,SN_8,SN_9,SN_10}',
  'The statistical-neighbour model: each local authority''s ten most similar authorities, closest first.')
ON CONFLICT (kind) DO UPDATE SET file_name = EXCLUDED.file_name, columns = EXCLUDED.columns, required = EXCLUDED.required, description = EXCLUDED.description;
